async function waiter(label: string, lock: Lock) {
  try {
    await using held = await lock.hold();
    log(`${label} has the lock`);
    await sleep(1);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled, locked=${tf(lock.locked())}`);
    throw e;
  }
}

async function main() {
  const lock = new Lock();
  await lock.acquire();
  const a = createTask(waiter('a', lock), { name: 'a' });
  const b = createTask(waiter('b', lock), { name: 'b' });
  await sleep(1);
  lock.release();
  a.cancel(); // a was just woken (its future is done) but has not run yet
  log('main released and cancelled a');
  await gather([a, b], { returnExceptions: true });
  log(`end, locked=${tf(lock.locked())}`);
}

run(main());
