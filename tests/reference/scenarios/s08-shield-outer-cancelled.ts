async function precious() {
  await sleep(2);
  log('precious finished anyway');
  return 'saved';
}

async function waiter(t: Task<string>) {
  try {
    await shield(t);
  } catch (e) {
    if (e instanceof CancelledError) log('waiter cancelled, inner still running');
    throw e;
  }
}

async function main() {
  const inner = createTask(precious(), { name: 'precious' });
  const w = createTask(waiter(inner), { name: 'waiter' });
  await sleep(1);
  w.cancel();
  try {
    await w;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`w.cancelled()=${tf(w.cancelled())} inner.done()=${tf(inner.done())}`);
  }
  log(`inner result ${await inner}`);
}

run(main());
