async function fails() {
  await sleep(1);
  throw err('ValueError', 'a');
}

async function badCleanup() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    await sleep(0.25);
    log('b raises while cancelled');
    throw err('TypeError', 'b cleanup');
  }
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(fails(), { name: 'a' });
    tg.createTask(badCleanup(), { name: 'b' });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
}

run(main());
