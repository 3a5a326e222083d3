async function work(d: number, v: string) {
  await sleep(d);
  return v;
}

async function main() {
  let r = await waitFor(work(0.5, 'fast'), 1);
  log(`wait_for -> ${r}`);
  r = await waitFor(work(3, 'no limit'), null);
  log(`wait_for(None) -> ${r}`);
}

run(main());
