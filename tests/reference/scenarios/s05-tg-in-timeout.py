import asyncio
from reflog import log, fmt


async def child(label, d):
    try:
        await asyncio.sleep(d)
        log(f"{label} end")
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise


async def main():
    try:
        async with asyncio.timeout(1.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("a", 1), name="a")
                tg.create_task(child("b", 5), name="b")
    except TimeoutError as e:
        log(f"main caught {fmt(e)}")
