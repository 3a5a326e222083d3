import asyncio
from reflog import log


async def loop(label):
    for i in range(3):
        log(f"{label} {i}")
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(loop("a"), name="a")
    b = asyncio.create_task(loop("b"), name="b")
    await a
    await b
