async function main() {
  const q = new Queue<string>(1);
  await q.put('a');

  async function putter() {
    try {
      await q.put('b');
    } catch (e) {
      if (!(e instanceof QueueShutDown)) throw e;
      log('blocked put woke with QueueShutDown');
    }
  }

  async function joiner() {
    await q.join();
    log('join returned');
  }

  const p = createTask(putter(), { name: 'putter' });
  const j = createTask(joiner(), { name: 'joiner' });
  await sleep(1);
  q.shutdown(true);
  log(`after shutdown(immediate) qsize=${q.qsize()}`);
  await gather(p, j);
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    log('get_nowait on the empty shut-down queue: QueueShutDown');
  }
}

run(main());
