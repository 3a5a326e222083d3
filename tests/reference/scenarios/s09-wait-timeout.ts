async function work(label: string, d: number) {
  await sleep(d);
  log(`${label} end`);
}

async function main() {
  const ts = ([['a', 1], ['b', 2], ['c', 3]] as const).map(([x, d]) => createTask(work(x, d), { name: x }));
  const [done, pending] = await wait(ts, { timeout: 1.5 });
  log(`timeout: done=${names(done)} pending=${names(pending)}, nothing raised or cancelled`);
  await sleep(2);
  log(`later: cancelled=${ts.filter((t) => t.cancelled()).length}`);
  try {
    await wait([]);
  } catch (e) {
    log('wait([]) raised');
  }
  try {
    await wait([work('coro', 1)] as any);
  } catch (e: any) {
    if (e.name === 'TypeError') log('wait([coroutine]) raised TypeError');
  }
}

run(main());
