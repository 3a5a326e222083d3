import asyncio
from reflog import log


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log(f"stubborn caught CancelledError, cancelling={asyncio.current_task().cancelling()}")
    await asyncio.sleep(1)
    log("stubborn goes on and returns")
    return "kept"


async def main():
    t = asyncio.create_task(stubborn(), name="stubborn")
    await asyncio.sleep(1)
    log(f"cancel -> {t.cancel()}")
    log(f"cancel again -> {t.cancel()}")
    log(f"cancelling={t.cancelling()} cancelled={t.cancelled()}")
    r = await t
    log(f"result {r} cancelled={t.cancelled()} cancelling={t.cancelling()}")
    log(f"uncancel -> {t.uncancel()}")
    log(f"cancel finished task -> {t.cancel()} result still {t.result()}")
