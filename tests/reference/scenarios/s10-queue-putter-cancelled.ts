async function putter(label: string, q: Queue<string>, item: string) {
  try {
    await q.put(item);
    log(`${label} put ${item}`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled while the queue was full`);
    throw e;
  }
}

async function main() {
  const q = new Queue<string>(1);
  q.putNowait('first');
  const p1 = createTask(putter('p1', q, 'x'), { name: 'p1' });
  const p2 = createTask(putter('p2', q, 'y'), { name: 'p2' });
  await sleep(1);
  p1.cancel();
  log(`got ${q.getNowait()}`);
  await gather([p1, p2], { returnExceptions: true });
  log(`queue now holds ${q.getNowait()}, empty=${tf(q.empty())}`);
}

run(main());
