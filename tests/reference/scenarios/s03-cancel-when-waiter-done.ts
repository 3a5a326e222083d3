async function canceller(box: { t?: Task<void> }) {
  await sleep(1);
  log(`canceller: target's sleep is over, cancel -> ${tf(box.t!.cancel())}`);
}

async function target() {
  try {
    await sleep(1);
    log('target finished its sleep (must not happen)');
  } catch (e) {
    if (e instanceof CancelledError) log('target cancelled although its sleep had ended');
    throw e;
  }
}

async function main() {
  const box: { t?: Task<void> } = {};
  const c = createTask(canceller(box), { name: 'canceller' });
  box.t = createTask(target(), { name: 'target' });
  await c;
  try {
    await box.t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log('main: target cancelled');
  }
}

run(main());
