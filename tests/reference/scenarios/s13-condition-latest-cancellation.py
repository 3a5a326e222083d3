import asyncio
from reflog import fmt, log


async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError as e:
            log(f"waiter: wait() raised {fmt(e)}, holds the lock again: {cond.locked()}")
            raise


async def main():
    cond = asyncio.Condition()
    w = asyncio.create_task(waiter(cond), name="waiter")
    await asyncio.sleep(1)
    async with cond:
        cond.notify()
        log("main notifies the waiter and keeps the lock")
        await asyncio.sleep(1)
        w.cancel("first")
        log("main cancels the waiter (re-acquiring the lock): first")
        await asyncio.sleep(1)
        w.cancel("second")
        log("main cancels the waiter (re-acquiring the lock): second")
        await asyncio.sleep(1)
        log("main releases the lock")
    try:
        await w
    except asyncio.CancelledError as e:
        log(f"await waiter: {fmt(e)}, cancelled={w.cancelled()}, cancelling={w.cancelling()}")
