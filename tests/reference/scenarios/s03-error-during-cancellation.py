import asyncio
from reflog import log, fmt


async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("worker cleanup fails")
        raise ValueError("cleanup failed")


async def main():
    t = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except ValueError as e:
        log(f"main caught {fmt(e)}")
    log(f"cancelled()={t.cancelled()} exception()={fmt(t.exception())}")
