async function value(x: number) {
  return x;
}

async function other() {
  log('other runs first');
}

async function main() {
  const a = createTask(value(1), { name: 'a' });
  const b = createTask(value(2), { name: 'b' });
  await sleep(0);
  log(`a.done()=${tf(a.done())} b.done()=${tf(b.done())}`);
  const o = createTask(other(), { name: 'other' });
  const r = await gather(a, b);
  log(`gather -> ${r[0]},${r[1]}`);
  await o;
}

run(main());
