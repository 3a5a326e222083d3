async function ticker() {
  for (let i = 0; i < 5; i++) {
    log(`tick ${i}`);
    await sleep(0);
  }
}

async function child() {
  log('child runs and returns');
  return 'c';
}

async function waiter(box: { child?: Task<string> }) {
  log('waiter awaits child');
  const r = await box.child!;
  log(`waiter got ${r}`);
}

async function timerTask() {
  await sleep(1);
  log('timer task woke');
}

async function main() {
  let tk = createTask(ticker(), { name: 'ticker' });
  const box: { child?: Task<string> } = {};
  const c = createTask(waiter(box), { name: 'waiter' });
  box.child = createTask(child(), { name: 'child' });
  await tk;
  await c;
  const t = createTask(timerTask(), { name: 'timer' });
  tk = createTask(ticker(), { name: 'ticker2' });
  await sleep(1);
  log('main woke');
  await t;
  await tk;
  log('main end');
}

run(main());
