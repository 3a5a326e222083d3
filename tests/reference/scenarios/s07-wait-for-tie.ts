async function main() {
  try {
    const r = await waitFor(sleep(1, 'x'), 1);
    log(`wait_for -> ${r} (must not happen)`);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`wait_for(sleep(1), 1): ${fmt(e)}`);
  }
  const r = await waitFor(sleep(0.5, 'y'), 1);
  log(`wait_for(sleep(0.5), 1) -> ${r}`);
}

run(main());
