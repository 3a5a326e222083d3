import asyncio
from reflog import log


async def worker():
    log("worker runs")
    await asyncio.sleep(0)
    log("worker finished normally")


async def main():
    t = asyncio.create_task(worker(), name="worker")
    t.cancel()
    log(f"uncancel -> {t.uncancel()}")
    try:
        await t
        log("await worker: no cancellation")
    except asyncio.CancelledError:
        log("await worker: CancelledError (the cancel was still delivered)")
    log(f"worker.cancelled()={t.cancelled()}")
