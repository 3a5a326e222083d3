import asyncio
from reflog import log, fmt


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        log(f"timeout(None).when() is None: {cm.when() is None}")
        await asyncio.sleep(1)
        log("no deadline, slept 1")
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.5)
            log(f"rescheduled to {cm.when():.3f}")
            await asyncio.sleep(5)
    except TimeoutError as e:
        log(f"rescheduled deadline hit: {fmt(e)}")
    try:
        async with asyncio.timeout_at(loop.time() + 2) as cm:
            log(f"timeout_at when={cm.when():.3f}")
            await asyncio.sleep(1)
            cm.reschedule(None)
            log("deadline removed")
            await asyncio.sleep(5)
            log(f"slept past the old deadline, expired={cm.expired()}")
    except TimeoutError:
        log("timed out (must not happen)")
    try:
        async with asyncio.timeout(0):
            log("body of timeout(0) runs until its first await")
            await asyncio.sleep(1)
    except TimeoutError as e:
        log(f"timeout(0): {fmt(e)}")
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(0)
    except TimeoutError as e:
        log(f"deadline in the past: {fmt(e)}")
