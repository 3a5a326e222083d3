import asyncio
from reflog import log, fmt


async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("leftover cancelled at shutdown, fails in cleanup")
        raise ValueError("cleanup failed")


async def main():
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: log(f"report: {ctx['message']}: {ctx['task'].get_name()} {fmt(ctx['exception'])}", loop)
    )
    main.keep = asyncio.create_task(leftover(), name="leftover")
    await asyncio.sleep(1)
    log("main end")
