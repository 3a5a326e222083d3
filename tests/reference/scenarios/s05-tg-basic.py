import asyncio
from reflog import log


async def work(label, d):
    log(f"{label} start")
    await asyncio.sleep(d)
    log(f"{label} end")
    return label


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 2), name="a")
        b = tg.create_task(work("b", 3), name="b")
        c = tg.create_task(work("c", 1), name="c")
        log("body done, waiting for children")
    log(f"group done: {a.result()},{b.result()},{c.result()}")
