async function sleeper(label: string, d: number) {
  try {
    await sleep(d);
    log(`${label} woke`);
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} interrupted`);
    throw e;
  }
}

async function main() {
  const a = createTask(sleeper('a', 2), { name: 'a' });
  const b = createTask(sleeper('b', 2), { name: 'b' });
  const c = createTask(sleeper('c', 1.5), { name: 'c' });
  await sleep(0.5);
  a.cancel();
  await gather([a, b, c], { returnExceptions: true });
  log('main end');
}

run(main());
