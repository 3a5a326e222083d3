import asyncio
from reflog import log, fmt


async def work(label, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        log(f"{label} cancelled (must not happen)")
        raise
    if fail:
        log(f"{label} raises")
        raise ValueError(label)
    log(f"{label} end")
    return label


async def main():
    g = asyncio.gather(work("a", 2), work("b", 1, fail=True), work("c", 3, fail=True))
    try:
        await g
    except ValueError as e:
        log(f"main caught {fmt(e)}")
    log(f"g.done()={g.done()} g.cancel() -> {g.cancel()}")
    await asyncio.sleep(5)
    log("main end")
