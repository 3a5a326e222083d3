import asyncio
from reflog import log


async def consumer(q, name):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            log(f"{name}: queue shut down")
            return
        log(f"{name} got {item}")
        await asyncio.sleep(1)
        q.task_done()


async def main():
    q = asyncio.Queue()
    workers = [asyncio.create_task(consumer(q, f"c{i}"), name=f"c{i}") for i in (1, 2)]
    for i in range(3):
        await q.put(i)
    await asyncio.sleep(0.5)
    log(f"shutdown with {q.qsize()} left")
    q.shutdown()
    try:
        q.put_nowait(99)
    except asyncio.QueueShutDown:
        log("put after shutdown: QueueShutDown")
    await asyncio.gather(*workers)
    log(f"all consumers stopped, empty={q.empty()}")
