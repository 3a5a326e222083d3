async function getter(label: string, q: Queue<string>) {
  try {
    const item = await q.get();
    log(`${label} got ${item}`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled while waiting`);
    throw e;
  }
}

async function main() {
  const q = new Queue<string>();
  const a = createTask(getter('a', q), { name: 'a' });
  const b = createTask(getter('b', q), { name: 'b' });
  const c = createTask(getter('c', q), { name: 'c' });
  await sleep(1);
  a.cancel();
  q.putNowait('x');
  q.putNowait('y');
  await gather([a, b, c], { returnExceptions: true });
  log(`left in queue: ${q.qsize()}`);
}

run(main());
