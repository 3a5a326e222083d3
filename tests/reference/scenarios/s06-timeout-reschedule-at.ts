async function main() {
  {
    await using cm = timeout(null);
    log(`timeout(None).when() is None: ${tf(cm.when() === null)}`);
    await sleep(1);
    log('no deadline, slept 1');
  }
  try {
    await using cm = timeout(null);
    cm.reschedule(now() + 0.5);
    log(`rescheduled to ${cm.when()!.toFixed(3)}`);
    await sleep(5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`rescheduled deadline hit: ${fmt(e)}`);
  }
  try {
    await using cm = timeoutAt(now() + 2);
    log(`timeout_at when=${cm.when()!.toFixed(3)}`);
    await sleep(1);
    cm.reschedule(null);
    log('deadline removed');
    await sleep(5);
    log(`slept past the old deadline, expired=${tf(cm.expired())}`);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log('timed out (must not happen)');
  }
  try {
    await using cm = timeout(0);
    log('body of timeout(0) runs until its first await');
    await sleep(1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`timeout(0): ${fmt(e)}`);
  }
  try {
    await using cm = timeoutAt(now() - 1);
    await sleep(0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`deadline in the past: ${fmt(e)}`);
  }
}

run(main());
