import asyncio
from reflog import log


async def waiter(label, lock):
    try:
        async with lock:
            log(f"{label} has the lock")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        log(f"{label} cancelled, locked={lock.locked()}")
        raise


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(waiter("a", lock), name="a")
    b = asyncio.create_task(waiter("b", lock), name="b")
    await asyncio.sleep(1)
    lock.release()
    a.cancel()  # a was just woken (its future is done) but has not run yet
    log("main released and cancelled a")
    await asyncio.gather(a, b, return_exceptions=True)
    log(f"end, locked={lock.locked()}")
