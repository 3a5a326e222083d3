async function child() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('child cancelled');
    await sleep(0.5);
    log('child cleanup done');
    throw e;
  }
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(child(), { name: 'child' });
    await sleep(1);
    throw err('TypeError', 'body');
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
}

run(main());
