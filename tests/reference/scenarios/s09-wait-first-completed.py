import asyncio
from reflog import log, names


async def work(label, d):
    await asyncio.sleep(d)
    log(f"{label} end")
    return label


async def main():
    ts = [asyncio.create_task(work(x, d), name=x) for x, d in (("a", 2), ("b", 1), ("c", 3))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    log(f"FIRST_COMPLETED done={names(done)} pending={names(pending)}")
    done, pending = await asyncio.wait(pending)
    log(f"ALL_COMPLETED done={names(done)} pending={names(pending)}")
