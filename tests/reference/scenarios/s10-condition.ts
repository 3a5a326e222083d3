async function consumer(label: string, cond: Condition, box: { items: number }) {
  await cond.acquire();
  try {
    log(`${label} waits`);
    await cond.waitFor(() => box.items > 0);
    box.items -= 1;
    log(`${label} took one, ${box.items} left`);
  } finally {
    cond.release();
  }
}

async function main() {
  const cond = new Condition();
  const box = { items: 0 };
  const cs = ['a', 'b', 'c'].map((x) => createTask(consumer(x, cond, box), { name: x }));
  await sleep(1);
  await cond.acquire();
  box.items = 2;
  cond.notify(1);
  log('notify(1)');
  cond.release();
  await sleep(1);
  await cond.acquire();
  cond.notifyAll();
  log('notify_all()');
  cond.release();
  await sleep(1);
  await cond.acquire();
  box.items = 1;
  cond.notify();
  log('notify()');
  cond.release();
  for (const c of cs) await c;
}

run(main());
