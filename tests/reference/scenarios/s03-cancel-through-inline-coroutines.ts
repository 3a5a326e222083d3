async function leaf() {
  try {
    await sleep(5);
  } finally {
    log('leaf task finally');
  }
}

async function middle(t: Task<void>) {
  try {
    await t;
  } finally {
    log('middle coroutine finally');
  }
}

async function top(t: Task<void>) {
  try {
    await middle(t);
  } finally {
    log('top coroutine finally');
  }
}

async function main() {
  const leafTask = createTask(leaf(), { name: 'leaf' });
  const topTask = createTask(top(leafTask), { name: 'top' });
  await sleep(1);
  topTask.cancel();
  await gather([topTask], { returnExceptions: true });
  log(`leaf.cancelled()=${tf(leafTask.cancelled())} top.cancelled()=${tf(topTask.cancelled())}`);
}

run(main());
