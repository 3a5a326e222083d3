async function quick(x: number) {
  log(`quick(${x}) runs`);
  return x * 2;
}

async function main() {
  setTaskFactory(eagerTaskFactory);
  const t = createTask(quick(1), { name: 'q1' });
  log(`q1 done right after create_task: ${tf(t.done())} result=${t.result()}`);
  const results = await gather(quick(2), quick(3));
  log(`gather of eager children -> [${results.join(', ')}]`);
  let t4: any;
  {
    await using tg = new TaskGroup();
    t4 = tg.createTask(quick(4), { name: 'q4' });
    log(`q4 done inside the group body: ${tf(t4.done())}`);
  }
  log(`group exited, q4 -> ${t4.result()}`);
  setTaskFactory(null);
  const t5 = createTask(quick(5), { name: 'q5' });
  log(`without the factory q5 done at once: ${tf(t5.done())}`);
  await t5;
}

run(main());
