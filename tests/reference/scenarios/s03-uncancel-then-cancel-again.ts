async function resilient() {
  for (let round = 0; round < 2; round++) {
    try {
      await sleep(5);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      const t = currentTask()!;
      const before = t.cancelling();
      log(`round ${round}: caught ${fmt(e)}, cancelling=${before}, uncancel -> ${t.uncancel()}`);
    }
  }
  return 'survived';
}

async function main() {
  const t = createTask(resilient(), { name: 'resilient' });
  await sleep(1);
  t.cancel('first');
  await sleep(1);
  t.cancel('second');
  log(`result ${await t}, cancelling=${t.cancelling()}`);
}

run(main());
