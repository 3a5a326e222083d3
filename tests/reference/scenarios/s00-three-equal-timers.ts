async function sleeper(label: string) {
  await sleep(1);
  log(`${label} woke`);
}

async function main() {
  const tasks = ['A', 'B', 'C'].map((x) => createTask(sleeper(x), { name: x }));
  for (const t of tasks) {
    await t;
  }
  log('main end');
}

run(main());
