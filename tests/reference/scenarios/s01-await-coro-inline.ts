async function inner(label: string, mainTask: Task<unknown>) {
  log(`${label} runs, same task as main: ${tf(currentTask() === mainTask)}`);
  await sleep(1);
  return label + '!';
}

async function failing() {
  throw err('ValueError', 'early');
}

async function other() {
  log('other runs');
}

async function main() {
  const me = currentTask()!;
  const o = createTask(other(), { name: 'other' });
  const r = await inner('inner', me);
  log(`main got ${r}`);
  try {
    await failing();
  } catch (e) {
    log(`main caught ${fmt(e)}`);
  }
  await o;
}

run(main());
