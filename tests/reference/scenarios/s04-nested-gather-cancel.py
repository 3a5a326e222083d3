import asyncio
from reflog import log


async def leaf(label, d):
    try:
        await asyncio.sleep(d)
        log(f"{label} end")
        return label
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise


async def inner():
    return await asyncio.gather(leaf("x", 5), leaf("y", 5))


async def main():
    outer = asyncio.gather(leaf("a", 0.5), inner())
    await asyncio.sleep(1)
    log(f"outer.cancel() -> {outer.cancel()}")
    try:
        await outer
    except asyncio.CancelledError:
        log("outer gather raised CancelledError")
