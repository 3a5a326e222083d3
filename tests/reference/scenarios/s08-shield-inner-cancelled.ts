async function work() {
  await sleep(5);
}

async function main() {
  const inner = createTask(work(), { name: 'work' });
  const outer = shield(inner);
  await sleep(1);
  inner.cancel('inner stop');
  try {
    await outer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`awaiting the shield raised ${fmt(e)}, outer.cancelled()=${tf(outer.cancelled())}`);
  }
  const t = createTask(work(), { name: 'done-one' });
  t.cancel();
  await sleep(0);
  log(`shield of a done task returns it: ${tf(shield(t) === t)}`);
  const ft = createTask(sleep(0, 'v'), { name: 'v' });
  await sleep(0);
  log(`shield of a finished task: ${tf(shield(ft) === ft)} -> ${await shield(ft)}`);
}

run(main());
