import asyncio
from reflog import log


async def main():
    q = asyncio.Queue(maxsize=1)
    await q.put("a")

    async def putter():
        try:
            await q.put("b")
        except asyncio.QueueShutDown:
            log("blocked put woke with QueueShutDown")

    async def joiner():
        await q.join()
        log("join returned")

    p = asyncio.create_task(putter(), name="putter")
    j = asyncio.create_task(joiner(), name="joiner")
    await asyncio.sleep(1)
    q.shutdown(immediate=True)
    log(f"after shutdown(immediate) qsize={q.qsize()}")
    await asyncio.gather(p, j)
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        log("get_nowait on the empty shut-down queue: QueueShutDown")
