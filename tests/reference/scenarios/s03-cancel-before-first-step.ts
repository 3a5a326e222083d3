async function body() {
  try {
    log('body runs (must not happen)');
  } finally {
    log('body finally (must not happen)');
  }
}

async function main() {
  const t = createTask(body(), { name: 'body' });
  log(`cancel -> ${tf(t.cancel())}`);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    log(`main caught CancelledError, cancelled()=${tf(t.cancelled())}`);
  }
}

run(main());
