async function work(label: string, d: number) {
  log(`${label} start`);
  await sleep(d);
  log(`${label} end`);
  return label;
}

async function main() {
  await work('seq1', 1);
  await work('seq2', 2);
  log('sequential done');
  const t1 = createTask(work('con1', 1), { name: 'con1' });
  const t2 = createTask(work('con2', 2), { name: 'con2' });
  log(`concurrent results ${await t1} ${await t2}`);
}

run(main());
