async function child() {
  log('child runs');
  return 1;
}

async function main() {
  const t = createTask(child(), { name: 'child' });
  log(`main created child, done=${tf(t.done())}`);
  log('main still running');
  await sleep(0);
  log(`main after sleep(0), done=${tf(t.done())}`);
}

run(main());
