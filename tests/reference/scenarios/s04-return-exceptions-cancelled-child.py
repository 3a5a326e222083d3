import asyncio
from reflog import log, fmt


async def work(label, d):
    await asyncio.sleep(d)
    return label


async def main():
    a = asyncio.create_task(work("a", 1), name="a")
    b = asyncio.create_task(work("b", 2), name="b")
    g = asyncio.gather(a, b, return_exceptions=True)
    await asyncio.sleep(0.5)
    b.cancel("b stop")
    r = await g
    log("gather -> " + ", ".join(x if isinstance(x, str) else fmt(x) for x in r))
