async function child() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('child fails while cancelled');
    throw err('ValueError', 'child cleanup');
  }
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(child(), { name: 'child' });
    await sleep(1);
    log('body raises');
    throw err('TypeError', 'body');
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
  log(`main cancelling()=${currentTask()!.cancelling()}`);
}

run(main());
