async function worker() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('worker cleanup fails');
    throw err('ValueError', 'cleanup failed');
  }
}

async function main() {
  const t = createTask(worker(), { name: 'worker' });
  await sleep(1);
  t.cancel();
  try {
    await t;
  } catch (e: any) {
    if (e.name !== 'ValueError') throw e;
    log(`main caught ${fmt(e)}`);
  }
  log(`cancelled()=${tf(t.cancelled())} exception()=${fmt(t.exception())}`);
}

run(main());
