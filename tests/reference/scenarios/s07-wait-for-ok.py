import asyncio
from reflog import log


async def work(d, v):
    await asyncio.sleep(d)
    return v


async def main():
    r = await asyncio.wait_for(work(0.5, "fast"), 1)
    log(f"wait_for -> {r}")
    r = await asyncio.wait_for(work(3, "no limit"), None)
    log(f"wait_for(None) -> {r}")
