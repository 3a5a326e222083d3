async function main() {
  {
    await using cm = timeout(1);
    await sleep(0.5);
    cm.reschedule(now() + 2);
    log(`extended to ${cm.when()!.toFixed(3)}`);
    await sleep(1);
    log('slept past the first deadline');
  }
  let cm2: any;
  try {
    await using cm = timeout(5);
    cm2 = cm;
    await sleep(0.5);
    cm.reschedule(now() - 1);
    log('moved the deadline into the past');
    await sleep(0);
    log('must not happen');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`${fmt(e)} right away, expired=${tf(cm2.expired())}`);
  }
}

run(main());
