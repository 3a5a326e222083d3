import asyncio
from reflog import log, fmt


async def work():
    await asyncio.sleep(5)


async def main():
    inner = asyncio.create_task(work(), name="work")
    outer = asyncio.shield(inner)
    await asyncio.sleep(1)
    inner.cancel("inner stop")
    try:
        await outer
    except asyncio.CancelledError as e:
        log(f"awaiting the shield raised {fmt(e)}, outer.cancelled()={outer.cancelled()}")
    t = asyncio.create_task(work(), name="done-one")
    t.cancel()
    await asyncio.sleep(0)
    log(f"shield of a done task returns it: {asyncio.shield(t) is t}")
    ft = asyncio.create_task(asyncio.sleep(0, "v"), name="v")
    await asyncio.sleep(0)
    log(f"shield of a finished task: {asyncio.shield(ft) is ft} -> {await asyncio.shield(ft)}")
