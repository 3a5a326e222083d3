async function work(label: string, d: number) {
  await sleep(d);
  log(`${label} end`);
  return label;
}

async function main() {
  const a = createTask(work('a', 3), { name: 'a' });
  const b = createTask(work('b', 5), { name: 'b' });
  const g = gather(a, b);
  await sleep(1);
  b.cancel();
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`main caught ${fmt(e)}, main cancelling()=${currentTask()!.cancelling()}`);
  }
  log(`g.cancelled()=${tf(g.cancelled())} a.done()=${tf(a.done())}`);
  await a;
  log('main end');
}

run(main());
