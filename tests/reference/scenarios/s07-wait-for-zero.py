import asyncio
from reflog import log, fmt


async def body():
    log("body runs (must not happen)")
    return 1


async def quick():
    return "done already"


async def main():
    try:
        await asyncio.wait_for(body(), 0)
    except TimeoutError as e:
        log(f"wait_for(coro, 0): {fmt(e)}")
    t = asyncio.create_task(quick(), name="quick")
    await asyncio.sleep(0)
    r = await asyncio.wait_for(t, 0)
    log(f"wait_for(done task, 0) -> {r}")
    t = asyncio.create_task(body(), name="body")
    try:
        await asyncio.wait_for(t, -1)
    except TimeoutError as e:
        log(f"wait_for(task, -1): {fmt(e)} task.cancelled()={t.cancelled()}")
