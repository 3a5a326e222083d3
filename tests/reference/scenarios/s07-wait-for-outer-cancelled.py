import asyncio
from reflog import log, fmt


async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("inner cancelled, cleanup 0.25")
        await asyncio.sleep(0.25)
        raise


async def outer():
    try:
        await asyncio.wait_for(inner(), 3)
    except asyncio.CancelledError as e:
        log(f"outer gets {fmt(e)} after the inner finished")
        raise


async def main():
    o = asyncio.create_task(outer(), name="outer")
    await asyncio.sleep(1)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        log(f"outer.cancelled()={o.cancelled()}")
