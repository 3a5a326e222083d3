import asyncio
from reflog import log, fmt


async def canceller(box):
    await asyncio.sleep(1)
    log(f"canceller cancels target -> {box['t'].cancel()}")


async def target():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(5)
    except TimeoutError:
        log("target got TimeoutError (must not happen)")
    except asyncio.CancelledError as e:
        log(f"target got {fmt(e)}, cancelling()={asyncio.current_task().cancelling()}")
        raise


async def main():
    box = {}
    c = asyncio.create_task(canceller(box), name="canceller")
    box["t"] = asyncio.create_task(target(), name="target")
    await c
    try:
        await box["t"]
    except asyncio.CancelledError:
        log(f"target.cancelled()={box['t'].cancelled()}")
