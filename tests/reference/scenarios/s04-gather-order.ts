async function work(label: string, d: number) {
  log(`${label} start`);
  await sleep(d);
  log(`${label} end`);
  return label;
}

async function main() {
  const r = await gather(work('a', 3), work('b', 1), work('c', 2));
  log(`gather -> ${r.join(',')}`);
}

run(main());
