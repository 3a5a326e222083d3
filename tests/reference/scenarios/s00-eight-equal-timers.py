import asyncio
from reflog import log


async def sleeper(label):
    await asyncio.sleep(0.5)
    log(f"{label} woke")


async def main():
    tasks = [asyncio.create_task(sleeper(x), name=x) for x in "ABCDEFGH"]
    for t in tasks:
        await t
