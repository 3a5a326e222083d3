async function slow() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('inner cancelled, cleaning up for 0.5');
    await sleep(0.5);
    log('inner cleanup done');
    throw e;
  }
}

async function main() {
  await sleep(1);
  try {
    await waitFor(slow(), 1);
  } catch (e: any) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)} cause=${fmt(e.cause)}`);
  }
}

run(main());
