import asyncio
from reflog import log, fmt


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.5)
        cm.reschedule(loop.time() + 2)
        log(f"extended to {cm.when():.3f}")
        await asyncio.sleep(1)
        log("slept past the first deadline")
    try:
        async with asyncio.timeout(5) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() - 1)
            log("moved the deadline into the past")
            await asyncio.sleep(0)
            log("must not happen")
    except TimeoutError as e:
        log(f"{fmt(e)} right away, expired={cm.expired()}")
