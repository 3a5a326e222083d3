async function work(label: string, d: number, fail = false) {
  await sleep(d);
  if (fail) throw err('ValueError', label);
  return label;
}

async function main() {
  const ts = [
    createTask(work('a', 3), { name: 'a' }),
    createTask(work('b', 1), { name: 'b' }),
    createTask(work('c', 2, true), { name: 'c' })
  ];
  for (const aw of asCompleted(ts)) {
    try {
      log(`next -> ${await aw}`);
    } catch (e: any) {
      if (e.name !== 'ValueError') throw e;
      log(`next raised ${fmt(e)}`);
    }
  }
}

run(main());
