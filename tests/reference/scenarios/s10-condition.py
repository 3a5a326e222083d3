import asyncio
from reflog import log


async def consumer(label, cond, box):
    async with cond:
        log(f"{label} waits")
        await cond.wait_for(lambda: box["items"] > 0)
        box["items"] -= 1
        log(f"{label} took one, {box['items']} left")


async def main():
    cond = asyncio.Condition()
    box = {"items": 0}
    cs = [asyncio.create_task(consumer(x, cond, box), name=x) for x in ("a", "b", "c")]
    await asyncio.sleep(1)
    async with cond:
        box["items"] = 2
        cond.notify(1)
        log("notify(1)")
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
        log("notify_all()")
    await asyncio.sleep(1)
    async with cond:
        box["items"] = 1
        cond.notify()
        log("notify()")
    for c in cs:
        await c
