async function setter(ev: Event, label: string) {
  await sleep(1);
  ev.set();
  log(`${label} set the event at the deadline`);
}

async function main() {
  // 1) the deadline's timer was pushed first
  let ev = new Event();
  let s = createTask(setter(ev, 'setter1'), { name: 'setter1' });
  try {
    await using t = timeout(1);
    await ev.wait();
    log('wait() returned (must not happen)');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)}, event is_set=${tf(ev.isSet())}`);
  }
  await s;
  // 2) the setter's timer was pushed first, so it is set in the deadline's iteration before
  //    the TimeoutError is delivered
  ev = new Event();
  s = createTask(setter(ev, 'setter2'), { name: 'setter2' });
  await sleep(0);
  try {
    await using t = timeout(1);
    await ev.wait();
    log('wait() returned (must not happen)');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`main caught ${fmt(e)}, event is_set=${tf(ev.isSet())}`);
  }
  await s;
}

run(main());
