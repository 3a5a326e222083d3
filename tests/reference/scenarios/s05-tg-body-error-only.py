import asyncio
from reflog import log, fmt


async def child():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("child cancelled")
        await asyncio.sleep(0.5)
        log("child cleanup done")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(), name="child")
            await asyncio.sleep(1)
            raise TypeError("body")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
