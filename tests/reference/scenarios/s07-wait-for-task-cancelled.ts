async function work() {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log('task cancelled by wait_for');
    throw e;
  }
}

async function main() {
  const t = createTask(work(), { name: 'work' });
  try {
    await waitFor(t, 2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)} t.cancelled()=${tf(t.cancelled())}`);
  }
}

run(main());
