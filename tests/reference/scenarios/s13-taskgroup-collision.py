import asyncio
from reflog import log, fmt


async def fails():
    await asyncio.sleep(1)
    log("child raises")
    raise ValueError("boom")


async def body():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(), name="fails")
            await asyncio.sleep(10)
    except ExceptionGroup as eg:
        log(f"body caught {fmt(eg)}, cancelling()={asyncio.current_task().cancelling()}")
    try:
        await asyncio.sleep(5)
        log("body slept 5 s more: the outside cancellation was lost")
    except asyncio.CancelledError:
        log("body got the outside cancellation")
        raise


async def main():
    t = asyncio.create_task(body(), name="body")
    await asyncio.sleep(1)
    log("main cancels body")
    t.cancel()
    try:
        await t
        log("body returned")
    except asyncio.CancelledError:
        log("body ended cancelled")
