import asyncio
from reflog import log


async def putter(label, q, item):
    try:
        await q.put(item)
        log(f"{label} put {item}")
    except asyncio.CancelledError:
        log(f"{label} cancelled while the queue was full")
        raise


async def main():
    q = asyncio.Queue(1)
    q.put_nowait("first")
    p1 = asyncio.create_task(putter("p1", q, "x"), name="p1")
    p2 = asyncio.create_task(putter("p2", q, "y"), name="p2")
    await asyncio.sleep(1)
    p1.cancel()
    log(f"got {q.get_nowait()}")
    await asyncio.gather(p1, p2, return_exceptions=True)
    log(f"queue now holds {q.get_nowait()}, empty={q.empty()}")
