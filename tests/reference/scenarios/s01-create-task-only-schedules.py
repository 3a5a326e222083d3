import asyncio
from reflog import log


async def child():
    log("child runs")
    return 1


async def main():
    t = asyncio.create_task(child(), name="child")
    log(f"main created child, done={t.done()}")
    log("main still running")
    await asyncio.sleep(0)
    log(f"main after sleep(0), done={t.done()}")
