async function leftover() {
  try {
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('leftover cancelled at shutdown, fails in cleanup');
    throw err('ValueError', 'cleanup failed');
  }
}

async function main() {
  createTask(leftover(), { name: 'leftover' });
  await sleep(1);
  log('main end');
}

run(main());
