import asyncio
from reflog import log, fmt


async def work():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("task cancelled by wait_for")
        raise


async def main():
    t = asyncio.create_task(work(), name="work")
    try:
        await asyncio.wait_for(t, 2)
    except TimeoutError as e:
        log(f"main caught {fmt(e)} t.cancelled()={t.cancelled()}")
