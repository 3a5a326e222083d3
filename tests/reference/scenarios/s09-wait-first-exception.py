import asyncio
from reflog import log, names, fmt


async def work(label, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        log(f"{label} raises")
        raise ValueError(label)
    log(f"{label} end")
    return label


async def cancelled_one():
    await asyncio.sleep(5)


async def main():
    x = asyncio.create_task(cancelled_one(), name="x")
    ts = [
        asyncio.create_task(work("a", 1), name="a"),
        asyncio.create_task(work("b", 2, True), name="b"),
        asyncio.create_task(work("c", 3), name="c"),
        x,
    ]
    await asyncio.sleep(0.5)
    x.cancel()
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log(f"FIRST_EXCEPTION done={names(done)} pending={names(pending)}")
    for t in sorted(done, key=lambda t: t.get_name()):
        if t.cancelled():
            log(f"{t.get_name()} cancelled")
        else:
            e = t.exception()
            log(f"{t.get_name()} -> {fmt(e) if e else t.result()}")
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    log(f"no exception left: done={names(done)} pending={names(pending)}")
