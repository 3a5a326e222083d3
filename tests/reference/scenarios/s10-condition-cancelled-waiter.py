import asyncio
from reflog import log


async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            log(f"waiter cancelled, holds the lock again: {cond.locked()}")
            raise


async def main():
    cond = asyncio.Condition()
    w = asyncio.create_task(waiter(cond), name="waiter")
    await asyncio.sleep(1)
    async with cond:
        w.cancel()
        log("main cancels the waiter while holding the lock")
        await asyncio.sleep(1)
        log("main releases the lock")
    try:
        await w
    except asyncio.CancelledError:
        log(f"waiter done, cancelled={w.cancelled()}, locked={cond.locked()}")
