import asyncio
from reflog import log, fmt


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log(f"slow cancelled: {fmt(e)}")
        raise
    finally:
        log("slow cleans up")


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=2)
    except TimeoutError as e:
        log(f"main caught {fmt(e)} caused by {fmt(e.__cause__)}")
    log(f"main cancelling()={asyncio.current_task().cancelling()}")
    inner = asyncio.create_task(slow(), name="inner")
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(inner, timeout=1)
    except TimeoutError:
        log(f"timed out; inner cancelled={inner.cancelled()}")
