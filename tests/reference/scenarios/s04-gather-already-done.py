import asyncio
from reflog import log


async def value(x):
    return x


async def other():
    log("other runs first")


async def main():
    a = asyncio.create_task(value(1), name="a")
    b = asyncio.create_task(value(2), name="b")
    await asyncio.sleep(0)
    log(f"a.done()={a.done()} b.done()={b.done()}")
    o = asyncio.create_task(other(), name="other")
    r = await asyncio.gather(a, b)
    log(f"gather -> {r[0]},{r[1]}")
    await o
