async function fails() {
  await sleep(1);
  throw err('ValueError', 'a');
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(fails(), { name: 'a' });
    try {
      await sleep(10);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      log('body swallows the cancel');
    }
    await sleep(1);
    log('body goes on, no second cancel');
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
}

run(main());
