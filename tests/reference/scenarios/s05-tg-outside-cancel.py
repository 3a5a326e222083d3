import asyncio
from reflog import log, fmt


async def child(label):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise


async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a"), name="a")
            log("runner body done")
    except BaseException as e:
        log(f"runner's group raised {fmt(e)}")
        raise


async def main():
    r = asyncio.create_task(runner(), name="runner")
    await asyncio.sleep(1)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError:
        log(f"runner cancelled()={r.cancelled()}")
