import asyncio
from reflog import log


async def worker(sem, name):
    log(f"{name} acquires, locked={sem.locked()}")
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        log(f"{name} cancelled, locked={sem.locked()}")
        raise
    log(f"{name} acquired")


async def ticker():
    for i in range(5):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    sem = asyncio.Semaphore(0)
    w = asyncio.create_task(worker(sem, "w"), name="w")
    await asyncio.sleep(1)
    n1 = asyncio.create_task(worker(sem, "n1"), name="n1")
    n2 = asyncio.create_task(worker(sem, "n2"), name="n2")
    t = asyncio.create_task(ticker(), name="ticker")
    sem.release()
    sem.release()
    w.cancel()
    log("main released twice (w gets a slot), then cancels w")
    await asyncio.gather(w, n1, n2, t, return_exceptions=True)
    log(f"w cancelled={w.cancelled()}, locked={sem.locked()}")
