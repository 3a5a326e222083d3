import asyncio
from reflog import log, fmt


async def fails():
    await asyncio.sleep(1)
    raise ValueError("a")


async def bad_cleanup():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(0.25)
        log("b raises while cancelled")
        raise TypeError("b cleanup")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(), name="a")
            tg.create_task(bad_cleanup(), name="b")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
