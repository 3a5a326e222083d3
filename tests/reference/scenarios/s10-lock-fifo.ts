async function user(label: string, lock: Lock, hold: number, start: number) {
  await sleep(start);
  log(`${label} wants the lock`);
  await lock.acquire();
  try {
    log(`${label} has the lock`);
    await sleep(hold);
    log(`${label} releases`);
  } finally {
    lock.release();
  }
}

async function greedy(lock: Lock) {
  await lock.acquire();
  log('greedy has the lock');
  await sleep(1);
  lock.release();
  log('greedy released and tries to take it back at once');
  await lock.acquire();
  log('greedy has the lock again');
  lock.release();
}

async function main() {
  const lock = new Lock();
  const g = createTask(greedy(lock), { name: 'greedy' });
  const us = ([['a', 1, 0.5], ['b', 0.5, 0.25], ['c', 0.25, 0.75]] as const).map(([x, h, s]) =>
    createTask(user(x, lock, h, s), { name: x })
  );
  await g;
  for (const u of us) await u;
  log(`locked=${tf(lock.locked())}`);
}

run(main());
