async function sleeper(label: string) {
  await sleep(1);
  log(`${label} woke`);
}

async function interrupted() {
  await sleep(1);
}

async function main() {
  const x = createTask(interrupted(), { name: 'X' });
  const a = createTask(sleeper('A'), { name: 'A' });
  const b = createTask(sleeper('B'), { name: 'B' });
  const c = createTask(sleeper('C'), { name: 'C' });
  await sleep(0);
  x.cancel(); // X's timer stays in the heap, cancelled (lazy deletion)
  for (const t of [a, b, c]) await t;
  log('main end');
}

run(main());
