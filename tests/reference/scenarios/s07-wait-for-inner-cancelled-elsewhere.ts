async function work() {
  await sleep(5);
}

async function main() {
  const t = createTask(work(), { name: 'work' });

  async function killer() {
    await sleep(1);
    t.cancel();
  }

  const k = createTask(killer(), { name: 'killer' });
  try {
    await waitFor(t, 3);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`wait_for raised ${fmt(e)}, main cancelling()=${currentTask()!.cancelling()}`);
  }
  await k;
}

run(main());
