async function work(label: string, d: number) {
  await sleep(d);
  return label;
}

async function main() {
  const a = createTask(work('a', 1), { name: 'a' });
  const b = createTask(work('b', 2), { name: 'b' });
  const g = gather([a, b], { returnExceptions: true });
  await sleep(0.5);
  b.cancel('b stop');
  const r = await g;
  log('gather -> ' + r.map((x: unknown) => (typeof x === 'string' ? x : fmt(x))).join(', '));
}

run(main());
