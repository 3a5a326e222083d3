import asyncio
from reflog import log


async def child(name):
    me = asyncio.current_task()
    log(f"{name} starts in its own task: {me is not main_task}, named {name!r} yet: {me.get_name() == name}")
    await asyncio.sleep(0)
    log(f"{name} resumes")
    return name


main_task = None


async def main():
    global main_task
    main_task = asyncio.current_task()
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    log("main creates a")
    a = asyncio.create_task(child("a"), name="a")
    log(f"main created a: done={a.done()}")
    b = asyncio.create_task(child("b"), name="b")
    log("main awaits both")
    log(f"results {await a} {await b}")
