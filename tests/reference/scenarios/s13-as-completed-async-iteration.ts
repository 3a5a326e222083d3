async function job(d: number) {
  await sleep(d);
  return d;
}

async function main() {
  const tasks = [3, 1, 2].map((d) => createTask(job(d), { name: `job${d}` }));
  for await (const t of asCompleted(tasks)) {
    log(`${t.getName()} is an original task: ${tf(tasks.includes(t as any))}, result ${await t}`);
  }
  for (const c of asCompleted([job(2), job(1)])) {
    log(`plain iteration still gives results: ${await c}`);
  }
}

run(main());
