async function worker(label: string) {
  log(`${label} start`);
  await sleep(0);
  log(`${label} after sleep(0)`);
  return label;
}

async function main() {
  log('main start');
  const a = createTask(worker('a'), { name: 'a' });
  const b = createTask(worker('b'), { name: 'b' });
  const c = createTask(worker('c'), { name: 'c' });
  log('main created 3 tasks');
  await sleep(0);
  log('main after sleep(0)');
  const r = [await a, await b, await c];
  log(`main end ${r.join(',')}`);
}

run(main());
