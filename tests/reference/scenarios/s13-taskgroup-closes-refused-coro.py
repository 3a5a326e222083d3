import asyncio
from reflog import log


async def job():
    log("job runs")


async def main():
    async with asyncio.TaskGroup() as tg:
        pass
    coro = job()
    try:
        tg.create_task(coro)
    except RuntimeError:
        log("create_task on a finished group: RuntimeError")
    try:
        await coro
        log("the refused coroutine could still be awaited")
    except RuntimeError:
        log("the refused coroutine was closed: RuntimeError on await")
