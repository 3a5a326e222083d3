async function fails() {
  await sleep(2);
  log('fails raises while the group is exiting');
  throw err('ValueError', 'late');
}

async function slow() {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log('slow cancelled');
    throw e;
  }
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(fails(), { name: 'fails' });
    tg.createTask(slow(), { name: 'slow' });
    await sleep(1);
    log('body done at 1');
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}, cancelling()=${currentTask()!.cancelling()}`);
  }
}

run(main());
