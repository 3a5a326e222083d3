async function user(label: string, lock: Lock, sem: Semaphore, d: number) {
  {
    await using slot = await sem.hold();
    log(`${label} has a semaphore slot`);
    {
      await using held = await lock.hold();
      log(`${label} has the lock`);
      await sleep(d);
    }
    log(`${label} released the lock`);
    await sleep(d);
  }
  log(`${label} released its slot`);
}

async function failing(lock: Lock) {
  try {
    await using held = await lock.hold();
    log('failing holds the lock and raises');
    throw err('ValueError', 'inside');
  } catch (e: any) {
    if (e.name !== 'ValueError') throw e;
    log(`after the error the lock is released: locked=${tf(lock.locked())}`);
  }
}

async function main() {
  const lock = new Lock();
  const sem = new Semaphore(2);
  const ts = ([['a', 1], ['b', 0.5], ['c', 0.25]] as const).map(([x, d]) => createTask(user(x, lock, sem, d), { name: x }));
  for (const t of ts) await t;
  await failing(lock);
}

run(main());
