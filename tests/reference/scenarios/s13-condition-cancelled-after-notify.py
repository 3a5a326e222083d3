import asyncio
from reflog import log


async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
            log(f"{name} woke up")
        except asyncio.CancelledError:
            log(f"{name} cancelled, holds the lock again: {cond.locked()}")
            raise


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "a"), name="a")
    b = asyncio.create_task(waiter(cond, "b"), name="b")
    await asyncio.sleep(1)
    async with cond:
        cond.notify(1)
        a.cancel()
        log("main notifies one waiter (a), then cancels a before it runs")
    await asyncio.sleep(1)
    log(f"b done: {b.done()}")
    if not b.done():
        async with cond:
            cond.notify()
            log("main notifies again, for b")
    await asyncio.gather(a, b, return_exceptions=True)
    log(f"a cancelled={a.cancelled()}, b cancelled={b.cancelled()}")
