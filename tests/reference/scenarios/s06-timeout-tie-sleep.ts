async function main() {
  try {
    await using t = timeout(1);
    await sleep(1);
    log('sleep(1) completed (must not happen)');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`deadline first, sleep ends at the deadline: ${fmt(e)}`);
  }
  await sleep(0.5);
  try {
    await using t = timeout(1);
    await sleep(0.5);
    log('sleep(0.5) completed before the deadline');
    await sleep(0.5);
    log('second sleep(0.5) completed (must not happen)');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`deadline at the end of the second sleep: ${fmt(e)}`);
  }
}

run(main());
