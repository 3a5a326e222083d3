async function main() {
  let cm: any;
  {
    await using t = timeout(1);
    cm = t;
    try {
      await sleep(5);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log('body swallows the cancel');
    }
    await sleep(1);
    log('body goes on');
  }
  log(`block exited normally, expired=${tf(cm.expired())} cancelling()=${currentTask()!.cancelling()}`);
}

run(main());
