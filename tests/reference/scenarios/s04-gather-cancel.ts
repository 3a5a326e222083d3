async function plain(label: string) {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
}

async function swallower(label: string) {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`${label} swallows the cancel`);
  }
  await sleep(0.5);
  return label + '-kept';
}

async function waiter(g: Future<unknown[]>) {
  try {
    const r = await g;
    log(`waiter got ${r} (must not happen)`);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`waiter caught ${fmt(e)}`);
  }
}

async function main() {
  const g = gather([plain('a'), swallower('b')], { returnExceptions: true });
  const w = createTask(waiter(g), { name: 'waiter' });
  await sleep(1);
  log(`g.cancel() -> ${tf(g.cancel())}`);
  await w;
  log(`g.done()=${tf(g.done())} g.cancelled()=${tf(g.cancelled())} exception=${fmt(g.exception())}`);
}

run(main());
