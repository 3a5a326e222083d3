import asyncio
from reflog import log, fmt


async def bad():
    await asyncio.sleep(0.5)
    raise ValueError("inner failed")


async def main():
    try:
        await asyncio.wait_for(bad(), 2)
    except ValueError as e:
        log(f"wait_for raised {fmt(e)} at once")
