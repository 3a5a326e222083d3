async function other() {
  log('other runs');
}

async function main() {
  const o = createTask(other(), { name: 'other' });
  const r = await gather();
  log(`empty gather gave ${r.length} results without suspending`);
  await o;
}

run(main());
