import asyncio
from reflog import log, fmt


async def main():
    cm = None
    try:
        async with asyncio.timeout(1) as cm:
            log(f"deadline {cm.when():.3f}")
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError as e:
                log(f"body sees {fmt(e)}")
                raise
    except TimeoutError as e:
        log(f"main caught {fmt(e)} cause={fmt(e.__cause__)} expired={cm.expired()}")
    log(f"cancelling()={asyncio.current_task().cancelling()}")
