import asyncio
from reflog import log, fmt


async def child():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("child fails while cancelled")
        raise ValueError("child cleanup")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(), name="child")
            await asyncio.sleep(1)
            log("body raises")
            raise TypeError("body")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
    log(f"main cancelling()={asyncio.current_task().cancelling()}")
