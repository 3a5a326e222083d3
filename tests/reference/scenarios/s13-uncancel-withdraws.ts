async function worker() {
  log('worker runs');
  await sleep(0);
  log('worker finished normally');
}

async function main() {
  const t = createTask(worker(), { name: 'worker' });
  t.cancel();
  log(`uncancel -> ${t.uncancel()}`);
  try {
    await t;
    log('await worker: no cancellation');
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('await worker: CancelledError (the cancel was still delivered)');
  }
  log(`worker.cancelled()=${tf(t.cancelled())}`);
}

run(main());
