async function body() {
  log('body runs (must not happen)');
  return 1;
}

async function quick() {
  return 'done already';
}

async function main() {
  try {
    await waitFor(body(), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`wait_for(coro, 0): ${fmt(e)}`);
  }
  let t: Task<any> = createTask(quick(), { name: 'quick' });
  await sleep(0);
  const r = await waitFor(t, 0);
  log(`wait_for(done task, 0) -> ${r}`);
  t = createTask(body(), { name: 'body' });
  try {
    await waitFor(t, -1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`wait_for(task, -1): ${fmt(e)} task.cancelled()=${tf(t.cancelled())}`);
  }
}

run(main());
