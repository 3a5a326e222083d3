async function waitsForever(ev: Event) {
  log('waiter waits for an event nobody sets');
  await ev.wait();
}

async function main() {
  const ev = new Event();
  const t = createTask(waitsForever(ev), { name: 'waiter' });
  await sleep(1);
  log('main awaits the waiter');
  await t;
}

run(main());
