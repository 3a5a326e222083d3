async function precious() {
  await sleep(2);
  log('precious done');
  return 'kept';
}

async function main() {
  const t = createTask(precious(), { name: 'precious' });
  try {
    await using to = timeout(1);
    await shield(t);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)}, precious still running: ${tf(!t.done())}`);
  }
  log(`precious -> ${await t}`);
}

run(main());
