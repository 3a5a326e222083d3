async function child(label: string, d: number) {
  try {
    await sleep(d);
    log(`${label} end`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
}

async function main() {
  try {
    await using t = timeout(1.5);
    await using tg = new TaskGroup();
    tg.createTask(child('a', 1), { name: 'a' });
    tg.createTask(child('b', 5), { name: 'b' });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)}`);
  }
}

run(main());
