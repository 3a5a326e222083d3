async function late(label: string, d: number) {
  await sleep(d);
  log(`${label} end`);
}

async function spawner(tg: TaskGroup) {
  await sleep(1);
  log('spawner adds a task while the group exits');
  tg.createTask(late('late', 1), { name: 'late' });
}

async function main() {
  {
    await using tg = new TaskGroup();
    tg.createTask(spawner(tg), { name: 'spawner' });
    log('body done');
  }
  log('group done');
}

run(main());
