import asyncio
from reflog import log


async def precious():
    await asyncio.sleep(2)
    log("precious finished anyway")
    return "saved"


async def waiter(t):
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        log("waiter cancelled, inner still running")
        raise


async def main():
    inner = asyncio.create_task(precious(), name="precious")
    w = asyncio.create_task(waiter(inner), name="waiter")
    await asyncio.sleep(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        log(f"w.cancelled()={w.cancelled()} inner.done()={inner.done()}")
    log(f"inner result {await inner}")
