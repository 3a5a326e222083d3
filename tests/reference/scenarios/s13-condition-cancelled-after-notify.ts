async function waiter(cond: Condition, name: string) {
  await using held = await cond.hold();
  try {
    await cond.wait();
    log(`${name} woke up`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${name} cancelled, holds the lock again: ${tf(cond.locked())}`);
    throw e;
  }
}

async function main() {
  const cond = new Condition();
  const a = createTask(waiter(cond, 'a'), { name: 'a' });
  const b = createTask(waiter(cond, 'b'), { name: 'b' });
  await sleep(1);
  {
    await using held = await cond.hold();
    cond.notify(1);
    a.cancel();
    log('main notifies one waiter (a), then cancels a before it runs');
  }
  await sleep(1);
  log(`b done: ${tf(b.done())}`);
  if (!b.done()) {
    await using held = await cond.hold();
    cond.notify();
    log('main notifies again, for b');
  }
  await gather([a, b], { returnExceptions: true });
  log(`a cancelled=${tf(a.cancelled())}, b cancelled=${tf(b.cancelled())}`);
}

run(main());
