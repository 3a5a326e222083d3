import asyncio
from reflog import log, fmt


async def work(label, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise
    if fail:
        raise ValueError(label)
    log(f"{label} end")
    return label


async def gatherer():
    await asyncio.gather(work("x", 1, fail=True), work("y", 3))


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(gatherer(), name="gatherer")
            tg.create_task(work("z", 5), name="z")
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
    await asyncio.sleep(5)
    log("main end")
