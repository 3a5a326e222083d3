async function worker(label: string, sem: Semaphore, d: number) {
  log(`${label} waits for a slot`);
  await sem.acquire();
  try {
    log(`${label} in`);
    await sleep(d);
    log(`${label} out`);
  } finally {
    sem.release();
  }
}

async function main() {
  const sem = new Semaphore(2);
  const ts = ([['a', 2], ['b', 1], ['c', 1], ['d', 0.5], ['e', 0.25]] as const).map(([x, d]) =>
    createTask(worker(x, sem, d), { name: x })
  );
  for (const t of ts) await t;
  log(`locked=${tf(sem.locked())}`);
  const b = new BoundedSemaphore(1);
  await b.acquire();
  b.release();
  try {
    b.release();
  } catch (e) {
    log('BoundedSemaphore released too often raised');
  }
}

run(main());
