async function work(label: string, d: number, fail = false) {
  try {
    await sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
  if (fail) throw err('ValueError', label);
  return label;
}

async function main() {
  try {
    await using tg = new TaskGroup();
    const a = tg.createTask(work('a', 1, true), { name: 'a' });
    const b = tg.createTask(work('b', 3), { name: 'b' });
    try {
      await gather(a, b);
    } catch (e) {
      log(`body's gather raised ${fmt(e)}`);
      throw e;
    }
  } catch (e) {
    log(`main caught ${fmt(e)}`);
  }
}

run(main());
