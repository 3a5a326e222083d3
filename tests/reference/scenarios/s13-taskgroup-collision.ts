async function fails() {
  await sleep(1);
  log('child raises');
  throw err('ValueError', 'boom');
}

async function body() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(fails(), { name: 'fails' });
    await sleep(10);
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    log(`body caught ${fmt(eg)}, cancelling()=${currentTask()!.cancelling()}`);
  }
  try {
    await sleep(5);
    log('body slept 5 s more: the outside cancellation was lost');
  } catch (e) {
    if (e instanceof CancelledError) log('body got the outside cancellation');
    throw e;
  }
}

async function main() {
  const t = createTask(body(), { name: 'body' });
  await sleep(1);
  log('main cancels body');
  t.cancel();
  try {
    await t;
    log('body returned');
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('body ended cancelled');
  }
}

run(main());
