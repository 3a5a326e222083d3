import asyncio
from reflog import log, fmt


async def deep():
    await asyncio.sleep(1)
    raise ValueError("deep")


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(deep(), name="deep")
        log("inner body done")


async def waiter():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("outer sibling cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group(), name="inner")
            tg.create_task(waiter(), name="sibling")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
