import asyncio
from reflog import log


async def target():
    await asyncio.sleep(1)
    log("target done")
    return "t"


async def waiter(label, spins, t):
    for _ in range(spins):
        await asyncio.sleep(0)
    log(f"{label} starts awaiting")
    r = await t
    log(f"{label} woke with {r}")


async def main():
    t = asyncio.create_task(target(), name="target")
    ws = [
        asyncio.create_task(waiter("a", 2, t), name="a"),
        asyncio.create_task(waiter("b", 0, t), name="b"),
        asyncio.create_task(waiter("c", 1, t), name="c"),
    ]
    for w in ws:
        await w
