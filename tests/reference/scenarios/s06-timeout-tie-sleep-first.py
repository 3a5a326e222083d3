import asyncio
from reflog import log, fmt


async def main():
    # The sleep's timer is pushed BEFORE the deadline's: the sleep future completes first in the
    # iteration, then the deadline's cancel() finds the waiter done and sets _must_cancel.
    sleeper = asyncio.ensure_future(asyncio.sleep(1))
    await asyncio.sleep(0)
    try:
        async with asyncio.timeout(1):
            await sleeper
            log("sleeper completed (must not happen)")
    except TimeoutError as e:
        log(f"TimeoutError although the awaited sleep ended first: {fmt(e)}")
