import asyncio
import gc
from reflog import log, fmt


async def fail(label):
    await asyncio.sleep(0.5)
    raise ValueError(label)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(
        lambda loop, ctx: log(f"report: {ctx['message']}: {ctx['future'].get_name()} {fmt(ctx['exception'])}", loop)
    )
    lost = asyncio.create_task(fail("lost"), name="lost")
    looked = asyncio.create_task(fail("looked-at"), name="looked-at")
    cancelled = asyncio.create_task(fail("cancel-called"), name="cancel-called")
    awaited = asyncio.create_task(fail("awaited"), name="awaited")
    g = asyncio.gather(fail("gathered-1"), fail("gathered-2"))
    await asyncio.sleep(1)
    log(f"exception() -> {fmt(looked.exception())}")
    log(f"cancel() on a failed task -> {cancelled.cancel()}")
    try:
        await awaited
    except ValueError as e:
        log(f"await -> {fmt(e)}")
    try:
        await g
    except ValueError as e:
        log(f"gather -> {fmt(e)}")
    log("dropping the last references")
    del lost, looked, cancelled, awaited, g
    gc.collect()
    log("main end")
