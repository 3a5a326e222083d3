import asyncio
from reflog import log


async def job(d):
    await asyncio.sleep(d)
    return d


async def main():
    before = len(asyncio.all_tasks())
    it = asyncio.as_completed([job(1), job(2)])
    log(f"tasks made by the as_completed() call: {len(asyncio.all_tasks()) - before}")
    for c in it:
        log(f"got {await c}")
