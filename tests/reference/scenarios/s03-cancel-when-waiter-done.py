import asyncio
from reflog import log


async def canceller(box):
    await asyncio.sleep(1)
    log(f"canceller: target's sleep is over, cancel -> {box['t'].cancel()}")


async def target():
    try:
        await asyncio.sleep(1)
        log("target finished its sleep (must not happen)")
    except asyncio.CancelledError:
        log("target cancelled although its sleep had ended")
        raise


async def main():
    box = {}
    c = asyncio.create_task(canceller(box), name="canceller")
    box["t"] = asyncio.create_task(target(), name="target")
    await c
    try:
        await box["t"]
    except asyncio.CancelledError:
        log("main: target cancelled")
