async function party(label: string, barrier: Barrier, d: number) {
  await sleep(d);
  log(`${label} arrives (${barrier.nWaiting} waiting)`);
  const i = await barrier.wait();
  log(`${label} passes with index ${i}`);
}

async function main() {
  const barrier = new Barrier(3);
  const ts = ([['a', 1], ['b', 2], ['c', 0.5]] as const).map(([x, d]) => createTask(party(x, barrier, d), { name: x }));
  for (const t of ts) await t;
  log(`broken=${tf(barrier.broken)}`);
}

run(main());
