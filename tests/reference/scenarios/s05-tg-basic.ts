async function work(label: string, d: number) {
  log(`${label} start`);
  await sleep(d);
  log(`${label} end`);
  return label;
}

async function main() {
  let a: Task<string>, b: Task<string>, c: Task<string>;
  {
    await using tg = new TaskGroup();
    a = tg.createTask(work('a', 2), { name: 'a' });
    b = tg.createTask(work('b', 3), { name: 'b' });
    c = tg.createTask(work('c', 1), { name: 'c' });
    log('body done, waiting for children');
  }
  log(`group done: ${a.result()},${b.result()},${c.result()}`);
}

run(main());
