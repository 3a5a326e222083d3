import asyncio
from reflog import log, fmt


async def plain(label):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise


async def swallower(label):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(f"{label} swallows the cancel")
    await asyncio.sleep(0.5)
    return label + "-kept"


async def waiter(g):
    try:
        r = await g
        log(f"waiter got {r} (must not happen)")
    except asyncio.CancelledError as e:
        log(f"waiter caught {fmt(e)}")


async def main():
    g = asyncio.gather(plain("a"), swallower("b"), return_exceptions=True)
    w = asyncio.create_task(waiter(g), name="waiter")
    await asyncio.sleep(1)
    log(f"g.cancel() -> {g.cancel()}")
    await w
    log(f"g.done()={g.done()} g.cancelled()={g.cancelled()} exception={fmt(g.exception())}")
