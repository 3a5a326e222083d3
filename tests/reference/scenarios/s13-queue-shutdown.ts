async function consumer(q: Queue<number>, name: string) {
  for (;;) {
    let item: number;
    try {
      item = await q.get();
    } catch (e) {
      if (!(e instanceof QueueShutDown)) throw e;
      log(`${name}: queue shut down`);
      return;
    }
    log(`${name} got ${item}`);
    await sleep(1);
    q.taskDone();
  }
}

async function main() {
  const q = new Queue<number>();
  const workers = [1, 2].map((i) => createTask(consumer(q, `c${i}`), { name: `c${i}` }));
  for (let i = 0; i < 3; i++) await q.put(i);
  await sleep(0.5);
  log(`shutdown with ${q.qsize()} left`);
  q.shutdown();
  try {
    q.putNowait(99);
  } catch (e) {
    if (!(e instanceof QueueShutDown)) throw e;
    log('put after shutdown: QueueShutDown');
  }
  await gather(...workers);
  log(`all consumers stopped, empty=${tf(q.empty())}`);
}

run(main());
