async function fails(label: string, d: number) {
  await sleep(d);
  log(`${label} raises`);
  throw err('ValueError', `${label} failed`);
}

async function sibling(label: string, d: number) {
  try {
    await sleep(d);
    log(`${label} end (must not happen)`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
}

async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(fails('a', 1), { name: 'a' });
    tg.createTask(sibling('b', 5), { name: 'b' });
    try {
      await sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) log(`body cancelled, cancelling()=${currentTask()!.cancelling()}`);
      throw e;
    }
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`main caught ${fmt(eg)}`);
  }
  log(`main cancelling()=${currentTask()!.cancelling()}`);
}

run(main());
