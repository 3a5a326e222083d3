import asyncio
from reflog import log


async def child(label):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise


async def parent():
    try:
        await asyncio.gather(child("a"), child("b"))
    except asyncio.CancelledError:
        log("parent cancelled")
        raise


async def main():
    p = asyncio.create_task(parent(), name="parent")
    await asyncio.sleep(1)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        log(f"main: parent.cancelled()={p.cancelled()}")
