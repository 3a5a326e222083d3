import asyncio
from reflog import log, fmt


async def work(label, d):
    await asyncio.sleep(d)
    log(f"{label} end")
    return label


async def main():
    a = asyncio.create_task(work("a", 3), name="a")
    b = asyncio.create_task(work("b", 5), name="b")
    g = asyncio.gather(a, b)
    await asyncio.sleep(1)
    b.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        log(f"main caught {fmt(e)}, main cancelling()={asyncio.current_task().cancelling()}")
    log(f"g.cancelled()={g.cancelled()} a.done()={a.done()}")
    await a
    log("main end")
