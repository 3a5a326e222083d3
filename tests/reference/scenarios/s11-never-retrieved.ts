async function fail(label: string) {
  await sleep(0.5);
  throw err('ValueError', label);
}

async function main() {
  const lost = createTask(fail('lost'), { name: 'lost' });
  const looked = createTask(fail('looked-at'), { name: 'looked-at' });
  const cancelled = createTask(fail('cancel-called'), { name: 'cancel-called' });
  const awaited = createTask(fail('awaited'), { name: 'awaited' });
  const g = gather(fail('gathered-1'), fail('gathered-2'));
  await sleep(1);
  log(`exception() -> ${fmt(looked.exception())}`);
  log(`cancel() on a failed task -> ${tf(cancelled.cancel())}`);
  try {
    await awaited;
  } catch (e) {
    log(`await -> ${fmt(e)}`);
  }
  try {
    await g;
  } catch (e) {
    log(`gather -> ${fmt(e)}`);
  }
  log('dropping the last references');
  void lost;
  log('main end');
}

run(main());
