async function work(label: string, d: number) {
  await sleep(d);
  log(`${label} end`);
  return label;
}

async function main() {
  const ts = ([['a', 2], ['b', 1], ['c', 3]] as const).map(([x, d]) => createTask(work(x, d), { name: x }));
  let [done, pending] = await wait(ts, { returnWhen: FIRST_COMPLETED });
  log(`FIRST_COMPLETED done=${names(done)} pending=${names(pending)}`);
  [done, pending] = await wait(pending);
  log(`ALL_COMPLETED done=${names(done)} pending=${names(pending)}`);
}

run(main());
