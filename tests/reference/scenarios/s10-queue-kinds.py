import asyncio
from reflog import log


async def main():
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 4, 2, 3):
        pq.put_nowait(x)
    log("priority order " + ",".join(str(pq.get_nowait()) for _ in range(5)))
    lq = asyncio.LifoQueue()
    for x in (1, 2, 3):
        lq.put_nowait(x)
    log("lifo order " + ",".join(str(lq.get_nowait()) for _ in range(3)))
    q = asyncio.Queue(1)
    q.put_nowait("x")
    try:
        q.put_nowait("y")
    except asyncio.QueueFull:
        log(f"QueueFull, full={q.full()}")
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        log("QueueEmpty")

    async def late_put():
        await asyncio.sleep(1)
        await q.put("late")
        log("put done")

    t = asyncio.create_task(late_put(), name="late")
    log(f"get waits -> {await q.get()}")
    await t
