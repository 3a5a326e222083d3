import asyncio
from reflog import log


async def quick(x):
    log(f"quick({x}) runs")
    return x * 2


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(quick(1), name="q1")
    log(f"q1 done right after create_task: {t.done()} result={t.result()}")
    results = await asyncio.gather(quick(2), quick(3))
    log(f"gather of eager children -> {results}")
    async with asyncio.TaskGroup() as tg:
        t4 = tg.create_task(quick(4), name="q4")
        log(f"q4 done inside the group body: {t4.done()}")
    log(f"group exited, q4 -> {t4.result()}")
    asyncio.get_running_loop().set_task_factory(None)
    t5 = asyncio.create_task(quick(5), name="q5")
    log(f"without the factory q5 done at once: {t5.done()}")
    await t5
