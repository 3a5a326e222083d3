import asyncio
from reflog import log, fmt


async def inner(label, main_task):
    log(f"{label} runs, same task as main: {asyncio.current_task() is main_task}")
    await asyncio.sleep(1)
    return label + "!"


async def failing():
    raise ValueError("early")


async def other():
    log("other runs")


async def main():
    me = asyncio.current_task()
    o = asyncio.create_task(other(), name="other")
    r = await inner("inner", me)
    log(f"main got {r}")
    try:
        await failing()
    except ValueError as e:
        log(f"main caught {fmt(e)}")
    await o
