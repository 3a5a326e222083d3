async function deep() {
  await sleep(1);
  throw err('ValueError', 'deep');
}

async function innerGroup() {
  await using tg = new TaskGroup();
  tg.createTask(deep(), { name: 'deep' });
  log('inner body done');
}

async function waiter() {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log('outer sibling cancelled');
    throw e;
  }
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(innerGroup(), { name: 'inner' });
    tg.createTask(waiter(), { name: 'sibling' });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
}

run(main());
