async function bad() {
  await sleep(0.5);
  throw err('ValueError', 'inner failed');
}

async function main() {
  try {
    await waitFor(bad(), 2);
  } catch (e: any) {
    if (e.name !== 'ValueError') throw e;
    log(`wait_for raised ${fmt(e)} at once`);
  }
}

run(main());
