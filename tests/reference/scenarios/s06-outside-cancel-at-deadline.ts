async function canceller(box: { t?: Task<void> }) {
  await sleep(1);
  log(`canceller cancels target -> ${tf(box.t!.cancel())}`);
}

async function target() {
  try {
    await using t = timeout(1);
    await sleep(5);
  } catch (e) {
    if (e instanceof TimeoutError) {
      log('target got TimeoutError (must not happen)');
      return;
    }
    if (e instanceof CancelledError) log(`target got ${fmt(e)}, cancelling()=${currentTask()!.cancelling()}`);
    throw e;
  }
}

async function main() {
  const box: { t?: Task<void> } = {};
  const c = createTask(canceller(box), { name: 'canceller' });
  box.t = createTask(target(), { name: 'target' });
  await c;
  try {
    await box.t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`target.cancelled()=${tf(box.t.cancelled())}`);
  }
}

run(main());
