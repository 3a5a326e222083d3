import asyncio
from reflog import log


async def waits_forever(ev):
    log("waiter waits for an event nobody sets")
    await ev.wait()


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(waits_forever(ev), name="waiter")
    await asyncio.sleep(1)
    log("main awaits the waiter")
    await t
