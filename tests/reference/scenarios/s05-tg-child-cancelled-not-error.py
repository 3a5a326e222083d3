import asyncio
from reflog import log


async def work(label, d):
    try:
        await asyncio.sleep(d)
        log(f"{label} end")
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 5), name="a")
        tg.create_task(work("b", 2), name="b")
        await asyncio.sleep(1)
        a.cancel()
    log(f"group exited normally, a.cancelled()={a.cancelled()}")
