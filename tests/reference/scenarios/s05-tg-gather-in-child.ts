async function work(label: string, d: number, fail = false) {
  try {
    await sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
  if (fail) throw err('ValueError', label);
  log(`${label} end`);
  return label;
}

async function gatherer() {
  await gather(work('x', 1, true), work('y', 3));
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(gatherer(), { name: 'gatherer' });
    tg.createTask(work('z', 5), { name: 'z' });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
  await sleep(5);
  log('main end');
}

run(main());
