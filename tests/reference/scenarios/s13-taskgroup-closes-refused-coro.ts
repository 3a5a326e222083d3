async function job() {
  log('job runs');
}

async function main() {
  let group: any;
  {
    await using tg = new TaskGroup();
    group = tg;
  }
  const coro = job();
  try {
    group.createTask(coro);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log('create_task on a finished group: RuntimeError');
  }
  try {
    await coro;
    log('the refused coroutine could still be awaited');
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log('the refused coroutine was closed: RuntimeError on await');
  }
}

run(main());
