let mainTask: any = null;

async function child(name: string) {
  const me = currentTask()!;
  log(`${name} starts in its own task: ${tf(me !== mainTask)}, named '${name}' yet: ${tf(me.getName() === name)}`);
  await sleep(0);
  log(`${name} resumes`);
  return name;
}

async function main() {
  mainTask = currentTask();
  setTaskFactory(eagerTaskFactory);
  log('main creates a');
  const a = createTask(child('a'), { name: 'a' });
  log(`main created a: done=${tf(a.done())}`);
  const b = createTask(child('b'), { name: 'b' });
  log('main awaits both');
  log(`results ${await a} ${await b}`);
}

run(main());
