async function worker(sem: Semaphore, name: string) {
  log(`${name} acquires, locked=${tf(sem.locked())}`);
  try {
    await sem.acquire();
  } catch (e) {
    if (e instanceof CancelledError) log(`${name} cancelled, locked=${tf(sem.locked())}`);
    throw e;
  }
  log(`${name} acquired`);
}

async function ticker() {
  for (let i = 0; i < 5; i++) {
    log(`tick ${i}`);
    await sleep(0);
  }
}

async function main() {
  const sem = new Semaphore(0);
  const w = createTask(worker(sem, 'w'), { name: 'w' });
  await sleep(1);
  const n1 = createTask(worker(sem, 'n1'), { name: 'n1' });
  const n2 = createTask(worker(sem, 'n2'), { name: 'n2' });
  const t = createTask(ticker(), { name: 'ticker' });
  sem.release();
  sem.release();
  w.cancel();
  log('main released twice (w gets a slot), then cancels w');
  await gather([w, n1, n2, t], { returnExceptions: true });
  log(`w cancelled=${tf(w.cancelled())}, locked=${tf(sem.locked())}`);
}

run(main());
