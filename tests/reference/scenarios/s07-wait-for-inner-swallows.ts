async function stubborn() {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('inner swallows the cancel');
  }
  return 'late value';
}

async function main() {
  const r = await waitFor(stubborn(), 1);
  log(`wait_for returned ${r} instead of raising`);
}

run(main());
