async function leaf(label: string, d: number) {
  try {
    await sleep(d);
    log(`${label} end`);
    return label;
  } catch (e) {
    if (e instanceof CancelledError) log(`${label} cancelled`);
    throw e;
  }
}

async function inner() {
  return await gather(leaf('x', 5), leaf('y', 5));
}

async function main() {
  const outer = gather(leaf('a', 0.5), inner());
  await sleep(1);
  log(`outer.cancel() -> ${tf(outer.cancel())}`);
  try {
    await outer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('outer gather raised CancelledError');
  }
}

run(main());
