async function worker() {
  try {
    log('worker sleeping');
    await sleep(5);
  } finally {
    log(`worker finally, cancelled()=${tf(currentTask()!.cancelled())}`);
    await sleep(0.5);
    log('worker finally done');
  }
}

async function main() {
  const t = createTask(worker(), { name: 'worker' });
  await sleep(1);
  t.cancel();
  log(`after cancel(): cancelled()=${tf(t.cancelled())} done()=${tf(t.done())}`);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`main caught ${fmt(e)}, cancelled()=${tf(t.cancelled())}`);
  }
}

run(main());
