async function work(label: string, d: number) {
  try {
    await sleep(d);
    log(`${label} end`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
}

async function main() {
  let a: Task<void>;
  {
    await using tg = new TaskGroup();
    a = tg.createTask(work('a', 5), { name: 'a' });
    tg.createTask(work('b', 2), { name: 'b' });
    await sleep(1);
    a.cancel();
  }
  log(`group exited normally, a.cancelled()=${tf(a.cancelled())}`);
}

run(main());
