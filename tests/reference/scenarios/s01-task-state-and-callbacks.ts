async function work() {
  await sleep(1);
  return 'r';
}

async function main() {
  const t = createTask(work(), { name: 'work' });
  try {
    t.result();
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    log('result() of a pending task raised InvalidStateError');
  }
  t.addDoneCallback((f) => log(`callback 1 sees done=${tf(f.done())} result=${f.result()}`));
  t.addDoneCallback(() => log('callback 2'));
  await t;
  log('main resumed after the task');
  t.addDoneCallback(() => log('late callback runs soon, not inline'));
  log('added a callback to a done task');
  await sleep(0);
  const c = createTask(work(), { name: 'cancelled' });
  await sleep(0);
  c.cancel();
  await sleep(0);
  try {
    c.exception();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`exception() of a cancelled task raised ${fmt(e)}`);
  }
}

run(main());
