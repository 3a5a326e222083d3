async function worker() {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log(`worker sees ${fmt(e)}`);
    throw e;
  }
}

async function main() {
  const t = createTask(worker(), { name: 'worker' });
  await sleep(1);
  t.cancel('stop now');
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`main caught ${fmt(e)}`);
  }
  try {
    t.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`result() raises ${fmt(e)}`);
  }
}

run(main());
