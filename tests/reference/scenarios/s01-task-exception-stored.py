import asyncio
from reflog import log, fmt


async def boom():
    log("boom runs")
    raise ValueError("boom")


async def main():
    t = asyncio.create_task(boom(), name="boom")
    log("main created boom, nothing raised")
    await asyncio.sleep(0)
    log(f"done={t.done()} exception={fmt(t.exception())}")
    try:
        await t
    except ValueError as e:
        log(f"await raised {fmt(e)}")
