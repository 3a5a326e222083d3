async function boom() {
  log('boom runs');
  throw err('ValueError', 'boom');
}

async function main() {
  const t = createTask(boom(), { name: 'boom' });
  log('main created boom, nothing raised');
  await sleep(0);
  log(`done=${tf(t.done())} exception=${fmt(t.exception())}`);
  try {
    await t;
  } catch (e) {
    log(`await raised ${fmt(e)}`);
  }
}

run(main());
