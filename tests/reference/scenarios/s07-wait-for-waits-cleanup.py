import asyncio
from reflog import log, fmt


async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("inner cancelled, cleaning up for 0.5")
        await asyncio.sleep(0.5)
        log("inner cleanup done")
        raise


async def main():
    await asyncio.sleep(1)
    try:
        await asyncio.wait_for(slow(), 1)
    except TimeoutError as e:
        log(f"main caught {fmt(e)} cause={fmt(e.__cause__)}")
