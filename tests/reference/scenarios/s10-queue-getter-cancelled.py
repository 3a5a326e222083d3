import asyncio
from reflog import log


async def getter(label, q):
    try:
        item = await q.get()
        log(f"{label} got {item}")
    except asyncio.CancelledError:
        log(f"{label} cancelled while waiting")
        raise


async def main():
    q = asyncio.Queue()
    a = asyncio.create_task(getter("a", q), name="a")
    b = asyncio.create_task(getter("b", q), name="b")
    c = asyncio.create_task(getter("c", q), name="c")
    await asyncio.sleep(1)
    a.cancel()
    q.put_nowait("x")
    q.put_nowait("y")
    await asyncio.gather(a, b, c, return_exceptions=True)
    log(f"left in queue: {q.qsize()}")
