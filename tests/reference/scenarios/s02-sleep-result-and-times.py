import asyncio
from reflog import log


async def main():
    r = await asyncio.sleep(0.25, "x")
    log(f"sleep(0.25) returned {r}")
    await asyncio.sleep(0.5)
    log("after sleep(0.5)")
    r = await asyncio.sleep(0, "y")
    log(f"sleep(0) returned {r}")
    await asyncio.sleep(1.125)
    log("after sleep(1.125)")
