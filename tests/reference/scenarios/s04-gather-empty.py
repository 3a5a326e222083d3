import asyncio
from reflog import log


async def other():
    log("other runs")


async def main():
    o = asyncio.create_task(other(), name="other")
    r = await asyncio.gather()
    log(f"empty gather gave {len(r)} results without suspending")
    await o
