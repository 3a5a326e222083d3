async function limited() {
  await using t = timeout(1);
  await sleep(5);
}

async function sibling() {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log('sibling cancelled');
    throw e;
  }
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(limited(), { name: 'limited' });
    tg.createTask(sibling(), { name: 'sibling' });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
}

run(main());
