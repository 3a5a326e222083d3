import asyncio
from reflog import log


async def worker(label, sem, d):
    log(f"{label} waits for a slot")
    async with sem:
        log(f"{label} in")
        await asyncio.sleep(d)
        log(f"{label} out")


async def main():
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(worker(x, sem, d), name=x) for x, d in (("a", 2), ("b", 1), ("c", 1), ("d", 0.5), ("e", 0.25))]
    for t in ts:
        await t
    log(f"locked={sem.locked()}")
    b = asyncio.BoundedSemaphore(1)
    async with b:
        pass
    try:
        b.release()
    except ValueError:
        log("BoundedSemaphore released too often raised")
