import asyncio
from reflog import log


async def quick():
    log("quick runs")
    return 1


async def other():
    log("other runs")


async def main():
    q = asyncio.create_task(quick(), name="quick")
    await asyncio.sleep(0)
    o = asyncio.create_task(other(), name="other")
    r = await q
    log(f"main got {r} without suspending")
    await o
    log("main end")
