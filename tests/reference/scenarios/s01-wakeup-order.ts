async function target() {
  await sleep(1);
  log('target done');
  return 't';
}

async function waiter(label: string, spins: number, t: Task<string>) {
  for (let i = 0; i < spins; i++) await sleep(0);
  log(`${label} starts awaiting`);
  const r = await t;
  log(`${label} woke with ${r}`);
}

async function main() {
  const t = createTask(target(), { name: 'target' });
  const ws = [
    createTask(waiter('a', 2, t), { name: 'a' }),
    createTask(waiter('b', 0, t), { name: 'b' }),
    createTask(waiter('c', 1, t), { name: 'c' })
  ];
  for (const w of ws) await w;
}

run(main());
