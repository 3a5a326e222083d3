async function inner() {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log('inner cancelled too');
    throw e;
  }
}

async function outer(t: Task<void>) {
  try {
    await t;
  } catch (e) {
    if (e instanceof CancelledError) log('outer cancelled');
    throw e;
  }
}

async function main() {
  const i = createTask(inner(), { name: 'inner' });
  const o = createTask(outer(i), { name: 'outer' });
  await sleep(1);
  o.cancel();
  await sleep(0);
  await sleep(0);
  log(`inner.cancelled()=${tf(i.cancelled())} outer.cancelled()=${tf(o.cancelled())}`);
}

run(main());
