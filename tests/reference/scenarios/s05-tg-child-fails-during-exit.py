import asyncio
from reflog import log, fmt


async def fails():
    await asyncio.sleep(2)
    log("fails raises while the group is exiting")
    raise ValueError("late")


async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("slow cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(), name="fails")
            tg.create_task(slow(), name="slow")
            await asyncio.sleep(1)
            log("body done at 1")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}, cancelling()={asyncio.current_task().cancelling()}")
