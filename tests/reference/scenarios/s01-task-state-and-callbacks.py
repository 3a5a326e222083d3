import asyncio
from reflog import log, fmt


async def work():
    await asyncio.sleep(1)
    return "r"


async def main():
    t = asyncio.create_task(work(), name="work")
    try:
        t.result()
    except asyncio.InvalidStateError:
        log("result() of a pending task raised InvalidStateError")
    t.add_done_callback(lambda f: log(f"callback 1 sees done={f.done()} result={f.result()}"))
    t.add_done_callback(lambda f: log("callback 2"))
    await t
    log("main resumed after the task")
    t.add_done_callback(lambda f: log("late callback runs soon, not inline"))
    log("added a callback to a done task")
    await asyncio.sleep(0)
    c = asyncio.create_task(work(), name="cancelled")
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    try:
        c.exception()
    except asyncio.CancelledError as e:
        log(f"exception() of a cancelled task raised {fmt(e)}")
