import asyncio
from reflog import log, fmt


async def main():
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(10)
            except asyncio.CancelledError as e:
                log(f"inner (not expired={inner.expired()}) lets through {fmt(e)}")
                raise
    except TimeoutError as e:
        log(f"outer converts: {fmt(e)} outer.expired={outer.expired()}")
    try:
        async with asyncio.timeout(5) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(10)
            except TimeoutError as e:
                log(f"inner converts: {fmt(e)} inner.expired={inner.expired()}")
            await asyncio.sleep(1)
            log("outer body goes on")
    except TimeoutError:
        log("outer timed out (must not happen)")
    log(f"done, outer.expired={outer.expired()}")
