async function work(label: string, d: number, fail = false) {
  try {
    await sleep(d);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled (must not happen)`);
    throw e;
  }
  if (fail) {
    log(`${label} raises`);
    throw err('ValueError', label);
  }
  log(`${label} end`);
  return label;
}

async function main() {
  const g = gather(work('a', 2), work('b', 1, true), work('c', 3, true));
  try {
    await g;
  } catch (e: any) {
    if (e.name !== 'ValueError') throw e;
    log(`main caught ${fmt(e)}`);
  }
  log(`g.done()=${tf(g.done())} g.cancel() -> ${tf(g.cancel())}`);
  await sleep(5);
  log('main end');
}

run(main());
