import asyncio
from reflog import log


async def sleeper(label, d):
    try:
        await asyncio.sleep(d)
        log(f"{label} woke")
    except asyncio.CancelledError:
        log(f"{label} interrupted")
        raise


async def main():
    a = asyncio.create_task(sleeper("a", 2), name="a")
    b = asyncio.create_task(sleeper("b", 2), name="b")
    c = asyncio.create_task(sleeper("c", 1.5), name="c")
    await asyncio.sleep(0.5)
    a.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    log("main end")
