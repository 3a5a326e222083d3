import asyncio
from reflog import log, fmt


async def setter(ev):
    await asyncio.sleep(2)
    ev.set()
    log("event set")


async def main():
    ev = asyncio.Event()
    s = asyncio.create_task(setter(ev), name="setter")
    try:
        await asyncio.wait_for(ev.wait(), 1)
    except TimeoutError as e:
        log(f"wait_for(ev.wait(), 1): {fmt(e)}")
    r = await asyncio.wait_for(ev.wait(), 5)
    log(f"second wait_for -> {r}")
    await s
