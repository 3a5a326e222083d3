import asyncio
from reflog import log


async def main():
    async with asyncio.timeout(1) as cm:
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            log("body swallows the cancel")
        await asyncio.sleep(1)
        log("body goes on")
    log(f"block exited normally, expired={cm.expired()} cancelling()={asyncio.current_task().cancelling()}")
