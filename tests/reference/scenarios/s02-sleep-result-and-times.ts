async function main() {
  let r = await sleep(0.25, 'x');
  log(`sleep(0.25) returned ${r}`);
  await sleep(0.5);
  log('after sleep(0.5)');
  r = await sleep(0, 'y');
  log(`sleep(0) returned ${r}`);
  await sleep(1.125);
  log('after sleep(1.125)');
}

run(main());
