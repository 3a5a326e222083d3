async function work(label: string, d: number, fail = false) {
  await sleep(d);
  if (fail) throw err('ValueError', label);
  return label;
}

async function main() {
  const r = await gather([work('a', 2), work('b', 1, true), work('c', 3)], { returnExceptions: true });
  log('gather -> ' + r.map((x: unknown) => (typeof x === 'string' ? x : fmt(x))).join(', '));
}

run(main());
