import asyncio
from reflog import log


async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("inner cancelled too")
        raise


async def outer(t):
    try:
        await t
    except asyncio.CancelledError:
        log("outer cancelled")
        raise


async def main():
    i = asyncio.create_task(inner(), name="inner")
    o = asyncio.create_task(outer(i), name="outer")
    await asyncio.sleep(1)
    o.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log(f"inner.cancelled()={i.cancelled()} outer.cancelled()={o.cancelled()}")
