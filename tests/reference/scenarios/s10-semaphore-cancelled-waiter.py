import asyncio
from reflog import log


async def worker(label, sem, d):
    try:
        async with sem:
            log(f"{label} in")
            await asyncio.sleep(d)
        log(f"{label} out")
    except asyncio.CancelledError:
        log(f"{label} cancelled while waiting")
        raise


async def main():
    sem = asyncio.Semaphore(1)
    a = asyncio.create_task(worker("a", sem, 1), name="a")
    b = asyncio.create_task(worker("b", sem, 1), name="b")
    c = asyncio.create_task(worker("c", sem, 1), name="c")
    await asyncio.sleep(0.5)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    log(f"end, locked={sem.locked()}")
