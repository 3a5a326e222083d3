import asyncio
from reflog import log, fmt


async def main():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(1)
            log("sleep(1) completed (must not happen)")
    except TimeoutError as e:
        log(f"deadline first, sleep ends at the deadline: {fmt(e)}")
    await asyncio.sleep(0.5)
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(0.5)
            log("sleep(0.5) completed before the deadline")
            await asyncio.sleep(0.5)
            log("second sleep(0.5) completed (must not happen)")
    except TimeoutError as e:
        log(f"deadline at the end of the second sleep: {fmt(e)}")
