async function leftover() {
  try {
    log('leftover sleeps');
    await sleep(10);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('leftover cancelled, cleaning up');
    await sleep(0.5);
    log('leftover cleanup done');
    throw e;
  }
}

async function main() {
  createTask(leftover(), { name: 'leftover' });
  await sleep(1);
  log('main end');
}

run(main());
