async function waiter(cond: Condition, name: string) {
  await using held = await cond.hold();
  try {
    await cond.wait();
    log(`${name} woke up`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

async function checker(cond: Condition, state: { ready: boolean }) {
  const ready = () => {
    log(`checker checks the predicate: ready=${tf(state.ready)}`);
    return state.ready;
  };
  await using held = await cond.hold();
  await cond.waitFor(ready);
  log('checker sees ready');
}

async function main() {
  const cond = new Condition();
  const state = { ready: false };
  const a = createTask(waiter(cond, 'a'), { name: 'a' });
  const c = createTask(checker(cond, state), { name: 'checker' });
  const b = createTask(waiter(cond, 'b'), { name: 'b' });
  await sleep(1);
  a.cancel();
  log('main cancels a, nobody is notified');
  await sleep(1);
  b.cancel();
  log('main cancels b, nobody is notified');
  await sleep(1);
  {
    await using held = await cond.hold();
    state.ready = true;
    cond.notifyAll();
    log('main sets ready and notifies all');
  }
  await gather([a, b, c], { returnExceptions: true });
  log(`a cancelled=${tf(a.cancelled())}, b cancelled=${tf(b.cancelled())}, checker done=${tf(c.done())}`);
}

run(main());
