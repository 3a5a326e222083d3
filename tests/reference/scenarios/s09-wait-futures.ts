async function resolver(futs: Future<string>[]) {
  await sleep(1);
  futs[1].setResult('second');
  log('resolver set the second future');
  await sleep(1);
  futs[0].setException(err('ValueError', 'first'));
  log('resolver failed the first future');
}

async function main() {
  const futs = [new Future<string>(), new Future<string>()];
  const r = createTask(resolver(futs), { name: 'resolver' });
  let [done, pending] = await wait(futs, { returnWhen: FIRST_COMPLETED });
  log(`done=${done.size} pending=${pending.size} second in done: ${tf(done.has(futs[1]))}`);
  [done, pending] = await wait(futs, { returnWhen: FIRST_EXCEPTION });
  log(`done=${done.size} pending=${pending.size} first exception: ${fmt(futs[0].exception())}`);
  await r;
}

run(main());
