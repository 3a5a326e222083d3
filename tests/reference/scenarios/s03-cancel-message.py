import asyncio
from reflog import log, fmt


async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        log(f"worker sees {fmt(e)}")
        raise


async def main():
    t = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        log(f"main caught {fmt(e)}")
    try:
        t.result()
    except asyncio.CancelledError as e:
        log(f"result() raises {fmt(e)}")
