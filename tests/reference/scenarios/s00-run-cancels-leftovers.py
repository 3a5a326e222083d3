import asyncio
from reflog import log


async def leftover():
    try:
        log("leftover sleeps")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("leftover cancelled, cleaning up")
        await asyncio.sleep(0.5)
        log("leftover cleanup done")
        raise


async def main():
    main.keep = asyncio.create_task(leftover(), name="leftover")
    await asyncio.sleep(1)
    log("main end")
