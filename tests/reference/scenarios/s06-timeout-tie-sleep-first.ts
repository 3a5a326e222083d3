async function main() {
  // The sleep's timer is pushed BEFORE the deadline's: the sleep completes first in the
  // iteration, then the deadline's cancel() finds the waiter done and sets must-cancel.
  const sleeper = createTask(sleep(1), { name: 'sleeper' });
  await sleep(0);
  try {
    await using t = timeout(1);
    await sleeper;
    log('sleeper completed (must not happen)');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`TimeoutError although the awaited sleep ended first: ${fmt(e)}`);
  }
}

run(main());
