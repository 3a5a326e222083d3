async function work(label: string, d: number) {
  await sleep(d);
  log(`${label} end`);
  return label;
}

async function main() {
  const ts = ([['a', 1], ['b', 2], ['c', 3]] as const).map(([x, d]) => createTask(work(x, d), { name: x }));
  for (const aw of asCompleted(ts, { timeout: 1.5 })) {
    try {
      log(`next -> ${await aw}`);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log(`next raised ${fmt(e)}`);
    }
  }
  log(`pending tasks cancelled: ${ts.filter((t) => t.cancelled()).length}`);
  await sleep(2);
  log('main end');
}

run(main());
