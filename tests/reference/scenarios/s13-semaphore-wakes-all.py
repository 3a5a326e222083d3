import asyncio
from reflog import log


async def worker(sem, name):
    log(f"{name} acquires, locked={sem.locked()}")
    await sem.acquire()
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
    sem.release()
    log("main released three times")
    await asyncio.gather(w, n1, n2, t)
    log(f"locked={sem.locked()}")
