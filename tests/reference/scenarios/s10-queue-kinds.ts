async function main() {
  const pq = new PriorityQueue<number>();
  for (const x of [5, 1, 4, 2, 3]) pq.putNowait(x);
  log('priority order ' + [1, 2, 3, 4, 5].map(() => String(pq.getNowait())).join(','));
  const lq = new LifoQueue<number>();
  for (const x of [1, 2, 3]) lq.putNowait(x);
  log('lifo order ' + [1, 2, 3].map(() => String(lq.getNowait())).join(','));
  const q = new Queue<string>(1);
  q.putNowait('x');
  try {
    q.putNowait('y');
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    log(`QueueFull, full=${tf(q.full())}`);
  }
  q.getNowait();
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    log('QueueEmpty');
  }

  async function latePut() {
    await sleep(1);
    await q.put('late');
    log('put done');
  }

  const t = createTask(latePut(), { name: 'late' });
  log(`get waits -> ${await q.get()}`);
  await t;
}

run(main());
