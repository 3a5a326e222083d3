async function inner() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('inner cancelled, cleanup 0.25');
    await sleep(0.25);
    throw e;
  }
}

async function outer() {
  try {
    await waitFor(inner(), 3);
  } catch (e) {
    if (e instanceof CancelledError) log(`outer gets ${fmt(e)} after the inner finished`);
    throw e;
  }
}

async function main() {
  const o = createTask(outer(), { name: 'outer' });
  await sleep(1);
  o.cancel();
  try {
    await o;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`outer.cancelled()=${tf(o.cancelled())}`);
  }
}

run(main());
