async function party(label: string, barrier: Barrier) {
  try {
    await barrier.wait();
    log(`${label} passed (must not happen)`);
  } catch (e) {
    if (!(e instanceof BrokenBarrierError)) throw e;
    log(`${label} got BrokenBarrierError`);
  }
}

async function main() {
  const barrier = new Barrier(3);
  const ts = ['a', 'b'].map((x) => createTask(party(x, barrier), { name: x }));
  await sleep(1);
  log(`n_waiting=${barrier.nWaiting}, aborting`);
  await barrier.abort();
  for (const t of ts) await t;
  log(`broken=${tf(barrier.broken)}`);
}

run(main());
