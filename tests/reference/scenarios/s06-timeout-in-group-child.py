import asyncio
from reflog import log, fmt


async def limited():
    async with asyncio.timeout(1):
        await asyncio.sleep(5)


async def sibling():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("sibling cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(limited(), name="limited")
            tg.create_task(sibling(), name="sibling")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
