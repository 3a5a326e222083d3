async function user(label: string, lock: Lock) {
  log(`${label} wants the lock`);
  try {
    await lock.acquire();
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled while waiting`);
    throw e;
  }
  log(`${label} has the lock`);
  await sleep(1);
  lock.release();
}

async function main() {
  const lock = new Lock();
  await lock.acquire();
  const a = createTask(user('a', lock), { name: 'a' });
  const b = createTask(user('b', lock), { name: 'b' });
  const c = createTask(user('c', lock), { name: 'c' });
  await sleep(1);
  b.cancel();
  a.cancel();
  await sleep(0);
  lock.release();
  log('main released');
  await c;
  log(`a.cancelled()=${tf(a.cancelled())} b.cancelled()=${tf(b.cancelled())}`);
}

run(main());
