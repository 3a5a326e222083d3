import asyncio
from reflog import log, fmt


async def fails(label, d):
    await asyncio.sleep(d)
    log(f"{label} raises")
    raise ValueError(f"{label} failed")


async def sibling(label, d):
    try:
        await asyncio.sleep(d)
        log(f"{label} end (must not happen)")
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails("a", 1), name="a")
            tg.create_task(sibling("b", 5), name="b")
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                log(f"body cancelled, cancelling()={asyncio.current_task().cancelling()}")
                raise
    except ExceptionGroup as eg:
        log(f"main caught {fmt(eg)}")
    log(f"main cancelling()={asyncio.current_task().cancelling()}")
