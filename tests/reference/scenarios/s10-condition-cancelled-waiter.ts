async function waiter(cond: Condition) {
  await using held = await cond.hold();
  try {
    await cond.wait();
  } catch (e) {
    if (e instanceof CancelledError) log(`waiter cancelled, holds the lock again: ${tf(cond.locked())}`);
    throw e;
  }
}

async function main() {
  const cond = new Condition();
  const w = createTask(waiter(cond), { name: 'waiter' });
  await sleep(1);
  {
    await using held = await cond.hold();
    w.cancel();
    log('main cancels the waiter while holding the lock');
    await sleep(1);
    log('main releases the lock');
  }
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`waiter done, cancelled=${tf(w.cancelled())}, locked=${tf(cond.locked())}`);
  }
}

run(main());
