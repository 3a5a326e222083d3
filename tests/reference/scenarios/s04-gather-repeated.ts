let runs = 0;

async function work(label: string) {
  runs += 1;
  log(`${label} runs`);
  await sleep(1);
  return label;
}

async function main() {
  const t = createTask(work('t'), { name: 't' });
  const c = work('c');
  const r = await gather(t, c, t, c);
  log(`gather -> ${r.join(',')} with ${runs} runs`);
}

run(main());
