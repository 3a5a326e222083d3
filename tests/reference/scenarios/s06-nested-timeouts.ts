async function main() {
  let outer: any;
  let inner: any;
  try {
    await using o = timeout(1);
    outer = o;
    try {
      await using i = timeout(5);
      inner = i;
      await sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) log(`inner (not expired=${tf(inner.expired())}) lets through ${fmt(e)}`);
      throw e;
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`outer converts: ${fmt(e)} outer.expired=${tf(outer.expired())}`);
  }
  try {
    await using o = timeout(5);
    outer = o;
    try {
      await using i = timeout(1);
      inner = i;
      await sleep(10);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log(`inner converts: ${fmt(e)} inner.expired=${tf(inner.expired())}`);
    }
    await sleep(1);
    log('outer body goes on');
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log('outer timed out (must not happen)');
  }
  log(`done, outer.expired=${tf(outer.expired())}`);
}

run(main());
