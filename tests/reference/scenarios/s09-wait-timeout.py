import asyncio
from reflog import log, names


async def work(label, d):
    await asyncio.sleep(d)
    log(f"{label} end")


async def main():
    ts = [asyncio.create_task(work(x, d), name=x) for x, d in (("a", 1), ("b", 2), ("c", 3))]
    done, pending = await asyncio.wait(ts, timeout=1.5)
    log(f"timeout: done={names(done)} pending={names(pending)}, nothing raised or cancelled")
    await asyncio.sleep(2)
    log(f"later: cancelled={[t.cancelled() for t in ts].count(True)}")
    try:
        await asyncio.wait([])
    except ValueError:
        log("wait([]) raised")
    c = work("coro", 1)
    try:
        await asyncio.wait([c])
    except TypeError:
        log("wait([coroutine]) raised TypeError")
    c.close()
