import asyncio
from reflog import log


async def body():
    try:
        log("body runs (must not happen)")
    finally:
        log("body finally (must not happen)")


async def main():
    t = asyncio.create_task(body(), name="body")
    log(f"cancel -> {t.cancel()}")
    try:
        await t
    except asyncio.CancelledError:
        log(f"main caught CancelledError, cancelled()={t.cancelled()}")
