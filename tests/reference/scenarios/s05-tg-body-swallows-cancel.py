import asyncio
from reflog import log, fmt


async def fails():
    await asyncio.sleep(1)
    raise ValueError("a")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(), name="a")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log("body swallows the cancel")
            await asyncio.sleep(1)
            log("body goes on, no second cancel")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
