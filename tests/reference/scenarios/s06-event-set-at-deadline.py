import asyncio
from reflog import log, fmt


async def setter(ev, label):
    await asyncio.sleep(1)
    ev.set()
    log(f"{label} set the event at the deadline")


async def main():
    # 1) the deadline's timer was pushed first
    ev = asyncio.Event()
    s = asyncio.create_task(setter(ev, "setter1"), name="setter1")
    try:
        async with asyncio.timeout(1):
            await ev.wait()
            log("wait() returned (must not happen)")
    except TimeoutError as e:
        log(f"main caught {fmt(e)}, event is_set={ev.is_set()}")
    await s
    # 2) the setter's timer was pushed first, so it is set in the deadline's iteration before
    #    the TimeoutError is delivered
    ev = asyncio.Event()
    s = asyncio.create_task(setter(ev, "setter2"), name="setter2")
    await asyncio.sleep(0)
    try:
        async with asyncio.timeout(1):
            await ev.wait()
            log("wait() returned (must not happen)")
    except TimeoutError as e:
        log(f"main caught {fmt(e)}, event is_set={ev.is_set()}")
    await s
