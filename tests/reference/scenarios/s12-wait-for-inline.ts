let mainTask: any = null;

async function work() {
  log(`work runs in the caller's task: ${tf(currentTask() === mainTask)}`);
  await sleep(1);
  return 'done';
}

async function main() {
  mainTask = currentTask();
  log(`tasks before: ${allTasks().size}`);
  const r = await waitFor(work(), 5);
  log(`wait_for -> ${r}`);
}

run(main());
