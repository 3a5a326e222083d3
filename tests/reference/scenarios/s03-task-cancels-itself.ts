async function selfish() {
  const me = currentTask()!;
  log(`cancel myself -> ${tf(me.cancel('self'))}`);
  log('still running until the next await');
  try {
    await sleep(0);
  } catch (e) {
    if (e instanceof CancelledError) log(`the next await raised ${fmt(e)}`);
    throw e;
  }
}

async function main() {
  const t = createTask(selfish(), { name: 'selfish' });
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`t.cancelled()=${tf(t.cancelled())}`);
  }
}

run(main());
