async function producer(q: Queue<number>, n: number) {
  for (let i = 0; i < n; i++) {
    log(`put ${i} (qsize ${q.qsize()})`);
    await q.put(i);
    await sleep(0.25);
  }
  log('producer done');
}

async function consumer(label: string, q: Queue<number>, d: number) {
  while (true) {
    const item = await q.get();
    log(`${label} got ${item}`);
    await sleep(d);
    q.taskDone();
  }
}

async function main() {
  const q = new Queue<number>(2);
  const cs = ([['c1', 1], ['c2', 1.5]] as const).map(([x, d]) => createTask(consumer(x, q, d), { name: x }));
  const p = createTask(producer(q, 7), { name: 'producer' });
  await p;
  await q.join();
  log(`queue joined, empty=${tf(q.empty())}`);
  for (const c of cs) c.cancel();
  await gather(cs, { returnExceptions: true });
  log('consumers stopped');
}

run(main());
