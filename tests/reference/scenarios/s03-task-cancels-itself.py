import asyncio
from reflog import log, fmt


async def selfish():
    me = asyncio.current_task()
    log(f"cancel myself -> {me.cancel('self')}")
    log("still running until the next await")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        log(f"the next await raised {fmt(e)}")
        raise


async def main():
    t = asyncio.create_task(selfish(), name="selfish")
    try:
        await t
    except asyncio.CancelledError:
        log(f"t.cancelled()={t.cancelled()}")
