import asyncio
from reflog import log


async def waiter(label, ev, spins):
    for _ in range(spins):
        await asyncio.sleep(0)
    log(f"{label} waits")
    await ev.wait()
    log(f"{label} woke, is_set={ev.is_set()}")


async def other():
    log("other runs")


async def main():
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(x, ev, s), name=x) for x, s in (("a", 1), ("b", 0), ("c", 2))]
    await asyncio.sleep(1)
    ev.set()
    ev.clear()
    log("set() then clear() at once")
    for w in ws:
        await w
    ev.set()
    o = asyncio.create_task(other(), name="other")
    await ev.wait()
    log("wait() on a set event returned without suspending")
    await o
