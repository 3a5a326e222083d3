async function sleeper(label: string) {
  await sleep(0.5);
  log(`${label} woke`);
}

async function main() {
  const tasks = [...'ABCDEFGH'].map((x) => createTask(sleeper(x), { name: x }));
  for (const t of tasks) await t;
}

run(main());
