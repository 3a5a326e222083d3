async function stubborn() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`stubborn caught CancelledError, cancelling=${currentTask()!.cancelling()}`);
  }
  await sleep(1);
  log('stubborn goes on and returns');
  return 'kept';
}

async function main() {
  const t = createTask(stubborn(), { name: 'stubborn' });
  await sleep(1);
  log(`cancel -> ${tf(t.cancel())}`);
  log(`cancel again -> ${tf(t.cancel())}`);
  log(`cancelling=${t.cancelling()} cancelled=${tf(t.cancelled())}`);
  const r = await t;
  log(`result ${r} cancelled=${tf(t.cancelled())} cancelling=${t.cancelling()}`);
  log(`uncancel -> ${t.uncancel()}`);
  log(`cancel finished task -> ${tf(t.cancel())} result still ${t.result()}`);
}

run(main());
