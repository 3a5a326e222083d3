import asyncio
from reflog import log


async def party(label, barrier, d):
    await asyncio.sleep(d)
    log(f"{label} arrives ({barrier.n_waiting} waiting)")
    i = await barrier.wait()
    log(f"{label} passes with index {i}")


async def main():
    barrier = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(x, barrier, d), name=x) for x, d in (("a", 1), ("b", 2), ("c", 0.5))]
    for t in ts:
        await t
    log(f"broken={barrier.broken}")
