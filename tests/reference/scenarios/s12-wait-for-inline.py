import asyncio
from reflog import log


main_task = None


async def work():
    log(f"work runs in the caller's task: {asyncio.current_task() is main_task}")
    await asyncio.sleep(1)
    return "done"


async def main():
    global main_task
    main_task = asyncio.current_task()
    log(f"tasks before: {len(asyncio.all_tasks())}")
    r = await asyncio.wait_for(work(), timeout=5)
    log(f"wait_for -> {r}")
