import asyncio
from reflog import log


async def user(label, lock, sem, d):
    async with sem:
        log(f"{label} has a semaphore slot")
        async with lock:
            log(f"{label} has the lock")
            await asyncio.sleep(d)
        log(f"{label} released the lock")
        await asyncio.sleep(d)
    log(f"{label} released its slot")


async def failing(lock):
    try:
        async with lock:
            log("failing holds the lock and raises")
            raise ValueError("inside")
    except ValueError:
        log(f"after the error the lock is released: locked={lock.locked()}")


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(user(x, lock, sem, d), name=x) for x, d in (("a", 1), ("b", 0.5), ("c", 0.25))]
    for t in ts:
        await t
    await failing(lock)
