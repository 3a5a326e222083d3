import asyncio
from reflog import log


async def late(label, d):
    await asyncio.sleep(d)
    log(f"{label} end")


async def spawner(tg):
    await asyncio.sleep(1)
    log("spawner adds a task while the group exits")
    tg.create_task(late("late", 1), name="late")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg), name="spawner")
        log("body done")
    log("group done")
