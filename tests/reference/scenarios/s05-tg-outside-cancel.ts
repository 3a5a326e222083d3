async function child(label: string) {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
}

async function runner() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(child('a'), { name: 'a' });
    log('runner body done');
  } catch (e) {
    log(`runner's group raised ${fmt(e)}`);
    throw e;
  }
}

async function main() {
  const r = createTask(runner(), { name: 'runner' });
  await sleep(1);
  r.cancel();
  try {
    await r;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`runner cancelled()=${tf(r.cancelled())}`);
  }
}

run(main());
