async function waiter(cond: Condition) {
  await using held = await cond.hold();
  try {
    await cond.wait();
  } catch (e) {
    if (e instanceof CancelledError) log(`waiter: wait() raised ${fmt(e)}, holds the lock again: ${tf(cond.locked())}`);
    throw e;
  }
}

async function main() {
  const cond = new Condition();
  const w = createTask(waiter(cond), { name: 'waiter' });
  await sleep(1);
  {
    await using held = await cond.hold();
    cond.notify();
    log('main notifies the waiter and keeps the lock');
    await sleep(1);
    w.cancel('first');
    log('main cancels the waiter (re-acquiring the lock): first');
    await sleep(1);
    w.cancel('second');
    log('main cancels the waiter (re-acquiring the lock): second');
    await sleep(1);
    log('main releases the lock');
  }
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`await waiter: ${fmt(e)}, cancelled=${tf(w.cancelled())}, cancelling=${w.cancelling()}`);
  }
}

run(main());
