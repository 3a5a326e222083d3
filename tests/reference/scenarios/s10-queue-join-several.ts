async function joiner(label: string, q: Queue<number>) {
  await q.join();
  log(`${label} sees the queue joined`);
}

async function main() {
  const q = new Queue<number>();
  for (let i = 0; i < 3; i++) q.putNowait(i);
  const js = ['j1', 'j2'].map((x) => createTask(joiner(x, q), { name: x }));
  await sleep(1);
  for (let i = 0; i < 3; i++) {
    q.getNowait();
    q.taskDone();
    log(`task_done ${i}`);
  }
  for (const j of js) await j;
  try {
    q.taskDone();
  } catch (e) {
    log('one task_done too many raised');
  }
}

run(main());
