async function noop() {}

function tryCreate(tg: TaskGroup, label: string) {
  try {
    tg.createTask(noop());
    log(`${label}: created`);
  } catch (e: any) {
    const msg = String(e.message);
    for (const phrase of ['has not been entered', 'is shutting down', 'is finished']) {
      if (msg.includes(phrase)) log(`${label}: RuntimeError ${phrase}`);
    }
  }
}

async function fails() {
  await sleep(1);
  throw err('ValueError', 'a');
}

async function sibling(tg: TaskGroup) {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) tryCreate(tg, 'while aborting');
    throw e;
  }
}

async function main() {
  const tg = new TaskGroup();
  tryCreate(tg, 'before entering');
  {
    await using entered = tg;
    tryCreate(entered, 'inside');
  }
  tryCreate(tg, 'after exit');
  try {
    await using tg2 = new TaskGroup();
    tg2.createTask(fails(), { name: 'a' });
    tg2.createTask(sibling(tg2), { name: 'b' });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log('second group failed as expected');
  }
}

run(main());
