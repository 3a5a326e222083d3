import asyncio
from reflog import log


async def producer(q, n):
    for i in range(n):
        log(f"put {i} (qsize {q.qsize()})")
        await q.put(i)
        await asyncio.sleep(0.25)
    log("producer done")


async def consumer(label, q, d):
    while True:
        item = await q.get()
        log(f"{label} got {item}")
        await asyncio.sleep(d)
        q.task_done()


async def main():
    q = asyncio.Queue(2)
    cs = [asyncio.create_task(consumer(x, q, d), name=x) for x, d in (("c1", 1), ("c2", 1.5))]
    p = asyncio.create_task(producer(q, 7), name="producer")
    await p
    await q.join()
    log(f"queue joined, empty={q.empty()}")
    for c in cs:
        c.cancel()
    await asyncio.gather(*cs, return_exceptions=True)
    log("consumers stopped")
