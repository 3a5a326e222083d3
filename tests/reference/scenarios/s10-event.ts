async function waiter(label: string, ev: Event, spins: number) {
  for (let i = 0; i < spins; i++) await sleep(0);
  log(`${label} waits`);
  await ev.wait();
  log(`${label} woke, is_set=${tf(ev.isSet())}`);
}

async function other() {
  log('other runs');
}

async function main() {
  const ev = new Event();
  const ws = ([['a', 1], ['b', 0], ['c', 2]] as const).map(([x, s]) => createTask(waiter(x, ev, s), { name: x }));
  await sleep(1);
  ev.set();
  ev.clear();
  log('set() then clear() at once');
  for (const w of ws) await w;
  ev.set();
  const o = createTask(other(), { name: 'other' });
  await ev.wait();
  log('wait() on a set event returned without suspending');
  await o;
}

run(main());
