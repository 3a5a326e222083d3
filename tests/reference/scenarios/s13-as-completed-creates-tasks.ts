async function job(d: number) {
  await sleep(d);
  return d;
}

async function main() {
  const before = allTasks().size;
  const it = asCompleted([job(1), job(2)]);
  log(`tasks made by the as_completed() call: ${allTasks().size - before}`);
  for (const c of it) log(`got ${await c}`);
}

run(main());
