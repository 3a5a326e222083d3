async function loop(label: string) {
  for (let i = 0; i < 3; i++) {
    log(`${label} ${i}`);
    await sleep(0);
  }
}

async function main() {
  const a = createTask(loop('a'), { name: 'a' });
  const b = createTask(loop('b'), { name: 'b' });
  await a;
  await b;
}

run(main());
