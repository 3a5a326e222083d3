import asyncio
from reflog import log


async def resolver(futs):
    await asyncio.sleep(1)
    futs[1].set_result("second")
    log("resolver set the second future")
    await asyncio.sleep(1)
    futs[0].set_exception(ValueError("first"))
    log("resolver failed the first future")


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future(), loop.create_future()]
    r = asyncio.create_task(resolver(futs), name="resolver")
    done, pending = await asyncio.wait(futs, return_when=asyncio.FIRST_COMPLETED)
    log(f"done={len(done)} pending={len(pending)} second in done: {futs[1] in done}")
    done, pending = await asyncio.wait(futs, return_when=asyncio.FIRST_EXCEPTION)
    log(f"done={len(done)} pending={len(pending)} first exception: {futs[0].exception()!r}")
    await r
