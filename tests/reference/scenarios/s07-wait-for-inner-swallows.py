import asyncio
from reflog import log


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("inner swallows the cancel")
    return "late value"


async def main():
    r = await asyncio.wait_for(stubborn(), 1)
    log(f"wait_for returned {r} instead of raising")
