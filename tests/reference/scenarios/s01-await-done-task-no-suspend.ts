async function quick() {
  log('quick runs');
  return 1;
}

async function other() {
  log('other runs');
}

async function main() {
  const q = createTask(quick(), { name: 'quick' });
  await sleep(0);
  const o = createTask(other(), { name: 'other' });
  const r = await q;
  log(`main got ${r} without suspending`);
  await o;
  log('main end');
}

run(main());
