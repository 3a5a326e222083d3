async function child(label: string) {
  try {
    await sleep(5);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
}

async function parent() {
  try {
    await gather(child('a'), child('b'));
  } catch (e) {
    if (e instanceof CancelledError) log('parent cancelled');
    throw e;
  }
}

async function main() {
  const p = createTask(parent(), { name: 'parent' });
  await sleep(1);
  p.cancel();
  try {
    await p;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`main: parent.cancelled()=${tf(p.cancelled())}`);
  }
}

run(main());
