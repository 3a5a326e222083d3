import asyncio
from reflog import log, fmt


async def party(label, barrier):
    try:
        await barrier.wait()
        log(f"{label} passed (must not happen)")
    except asyncio.BrokenBarrierError as e:
        log(f"{label} got BrokenBarrierError")


async def main():
    barrier = asyncio.Barrier(3)
    ts = [asyncio.create_task(party(x, barrier), name=x) for x in "ab"]
    await asyncio.sleep(1)
    log(f"n_waiting={barrier.n_waiting}, aborting")
    await barrier.abort()
    for t in ts:
        await t
    log(f"broken={barrier.broken}")
