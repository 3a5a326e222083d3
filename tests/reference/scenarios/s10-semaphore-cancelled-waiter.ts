async function worker(label: string, sem: Semaphore, d: number) {
  try {
    {
      await using slot = await sem.hold();
      log(`${label} in`);
      await sleep(d);
    }
    log(`${label} out`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled while waiting`);
    throw e;
  }
}

async function main() {
  const sem = new Semaphore(1);
  const a = createTask(worker('a', sem, 1), { name: 'a' });
  const b = createTask(worker('b', sem, 1), { name: 'b' });
  const c = createTask(worker('c', sem, 1), { name: 'c' });
  await sleep(0.5);
  b.cancel();
  await gather([a, b, c], { returnExceptions: true });
  log(`end, locked=${tf(sem.locked())}`);
}

run(main());
