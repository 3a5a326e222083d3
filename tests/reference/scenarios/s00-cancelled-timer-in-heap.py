import asyncio
from reflog import log


async def sleeper(label):
    await asyncio.sleep(1)
    log(f"{label} woke")


async def interrupted():
    await asyncio.sleep(1)


async def main():
    x = asyncio.create_task(interrupted(), name="X")
    a = asyncio.create_task(sleeper("A"), name="A")
    b = asyncio.create_task(sleeper("B"), name="B")
    c = asyncio.create_task(sleeper("C"), name="C")
    await asyncio.sleep(0)
    x.cancel()  # X's timer stays in the heap, cancelled (lazy deletion)
    for t in (a, b, c):
        await t
    log("main end")
