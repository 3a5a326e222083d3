async function work(label: string, d: number, fail = false) {
  await sleep(d);
  if (fail) {
    log(`${label} raises`);
    throw err('ValueError', label);
  }
  log(`${label} end`);
  return label;
}

async function cancelledOne() {
  await sleep(5);
  return 'x';
}

async function main() {
  const x = createTask(cancelledOne(), { name: 'x' });
  const ts = [
    createTask(work('a', 1), { name: 'a' }),
    createTask(work('b', 2, true), { name: 'b' }),
    createTask(work('c', 3), { name: 'c' }),
    x
  ];
  await sleep(0.5);
  x.cancel();
  let [done, pending] = await wait(ts, { returnWhen: FIRST_EXCEPTION });
  log(`FIRST_EXCEPTION done=${names(done)} pending=${names(pending)}`);
  for (const t of [...done].sort((p, q) => (p.getName() < q.getName() ? -1 : 1))) {
    if (t.cancelled()) {
      log(`${t.getName()} cancelled`);
    } else {
      const e = t.exception();
      log(`${t.getName()} -> ${e ? fmt(e) : t.result()}`);
    }
  }
  [done, pending] = await wait(pending, { returnWhen: FIRST_EXCEPTION });
  log(`no exception left: done=${names(done)} pending=${names(pending)}`);
}

run(main());
