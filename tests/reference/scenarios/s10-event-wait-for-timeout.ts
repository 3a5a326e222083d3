async function setter(ev: Event) {
  await sleep(2);
  ev.set();
  log('event set');
}

async function main() {
  const ev = new Event();
  const s = createTask(setter(ev), { name: 'setter' });
  try {
    await waitFor(ev.wait(), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`wait_for(ev.wait(), 1): ${fmt(e)}`);
  }
  const r = await waitFor(ev.wait(), 5);
  log(`second wait_for -> ${r ? 'True' : 'False'}`);
  await s;
}

run(main());
