import asyncio
from reflog import log


async def ticker():
    for i in range(5):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def child():
    log("child runs and returns")
    return "c"


async def waiter(box):
    log("waiter awaits child")
    r = await box["child"]
    log(f"waiter got {r}")


async def timer_task():
    await asyncio.sleep(1)
    log("timer task woke")


async def main():
    tk = asyncio.create_task(ticker(), name="ticker")
    box = {}
    c = asyncio.create_task(waiter(box), name="waiter")
    box["child"] = asyncio.create_task(child(), name="child")
    await tk
    await c
    t = asyncio.create_task(timer_task(), name="timer")
    tk = asyncio.create_task(ticker(), name="ticker2")
    await asyncio.sleep(1)
    log("main woke")
    await t
    await tk
    log("main end")
