async function main() {
  let cm: any = null;
  try {
    await using t = timeout(1);
    cm = t;
    log(`deadline ${t.when()!.toFixed(3)}`);
    try {
      await sleep(5);
    } catch (e) {
      if (e instanceof CancelledError) log(`body sees ${fmt(e)}`);
      throw e;
    }
  } catch (e: any) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)} cause=${fmt(e.cause)} expired=${tf(cm.expired())}`);
  }
  log(`cancelling()=${currentTask()!.cancelling()}`);
}

run(main());
