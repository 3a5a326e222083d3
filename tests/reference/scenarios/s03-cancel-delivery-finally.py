import asyncio
from reflog import log, fmt


async def worker():
    try:
        log("worker sleeping")
        await asyncio.sleep(5)
    finally:
        log(f"worker finally, cancelled()={asyncio.current_task().cancelled()}")
        await asyncio.sleep(0.5)
        log("worker finally done")


async def main():
    t = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(1)
    t.cancel()
    log(f"after cancel(): cancelled()={t.cancelled()} done()={t.done()}")
    try:
        await t
    except asyncio.CancelledError as e:
        log(f"main caught {fmt(e)}, cancelled()={t.cancelled()}")
