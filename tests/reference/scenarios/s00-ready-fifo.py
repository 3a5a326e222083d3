import asyncio
from reflog import log


async def worker(label):
    log(f"{label} start")
    await asyncio.sleep(0)
    log(f"{label} after sleep(0)")
    return label


async def main():
    log("main start")
    a = asyncio.create_task(worker("a"), name="a")
    b = asyncio.create_task(worker("b"), name="b")
    c = asyncio.create_task(worker("c"), name="c")
    log("main created 3 tasks")
    await asyncio.sleep(0)
    log("main after sleep(0)")
    r = [await a, await b, await c]
    log(f"main end {','.join(r)}")
