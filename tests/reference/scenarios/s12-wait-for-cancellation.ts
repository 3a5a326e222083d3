async function slow() {
  try {
    await sleep(10);
  } catch (e) {
    if (e instanceof CancelledError) log(`slow cancelled: ${fmt(e)}`);
    throw e;
  } finally {
    log('slow cleans up');
  }
}

async function main() {
  try {
    await waitFor(slow(), 2);
  } catch (e: any) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)} caused by ${fmt(e.cause)}`);
  }
  log(`main cancelling()=${currentTask()!.cancelling()}`);
  const inner = createTask(slow(), { name: 'inner' });
  await sleep(0);
  try {
    await waitFor(inner, 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`timed out; inner cancelled=${tf(inner.cancelled())}`);
  }
}

run(main());
