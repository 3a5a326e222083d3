import asyncio
from reflog import log


async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
            log(f"{name} woke up")
        except asyncio.CancelledError:
            log(f"{name} cancelled")
            raise


async def checker(cond, state):
    def ready():
        log(f"checker checks the predicate: ready={state['ready']}")
        return state["ready"]

    async with cond:
        await cond.wait_for(ready)
        log("checker sees ready")


async def main():
    cond = asyncio.Condition()
    state = {"ready": False}
    a = asyncio.create_task(waiter(cond, "a"), name="a")
    c = asyncio.create_task(checker(cond, state), name="checker")
    b = asyncio.create_task(waiter(cond, "b"), name="b")
    await asyncio.sleep(1)
    a.cancel()
    log("main cancels a, nobody is notified")
    await asyncio.sleep(1)
    b.cancel()
    log("main cancels b, nobody is notified")
    await asyncio.sleep(1)
    async with cond:
        state["ready"] = True
        cond.notify_all()
        log("main sets ready and notifies all")
    await asyncio.gather(a, b, c, return_exceptions=True)
    log(f"a cancelled={a.cancelled()}, b cancelled={b.cancelled()}, checker done={c.done()}")
