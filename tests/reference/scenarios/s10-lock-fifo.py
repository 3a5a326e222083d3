import asyncio
from reflog import log


async def user(label, lock, hold, start):
    await asyncio.sleep(start)
    log(f"{label} wants the lock")
    async with lock:
        log(f"{label} has the lock")
        await asyncio.sleep(hold)
        log(f"{label} releases")


async def greedy(lock):
    await lock.acquire()
    log("greedy has the lock")
    await asyncio.sleep(1)
    lock.release()
    log("greedy released and tries to take it back at once")
    await lock.acquire()
    log("greedy has the lock again")
    lock.release()


async def main():
    lock = asyncio.Lock()
    g = asyncio.create_task(greedy(lock), name="greedy")
    us = [asyncio.create_task(user(x, lock, h, s), name=x) for x, h, s in (("a", 1, 0.5), ("b", 0.5, 0.25), ("c", 0.25, 0.75))]
    await g
    for u in us:
        await u
    log(f"locked={lock.locked()}")
