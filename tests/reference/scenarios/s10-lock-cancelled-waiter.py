import asyncio
from reflog import log


async def user(label, lock):
    log(f"{label} wants the lock")
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        log(f"{label} cancelled while waiting")
        raise
    log(f"{label} has the lock")
    await asyncio.sleep(1)
    lock.release()


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a = asyncio.create_task(user("a", lock), name="a")
    b = asyncio.create_task(user("b", lock), name="b")
    c = asyncio.create_task(user("c", lock), name="c")
    await asyncio.sleep(1)
    b.cancel()
    a.cancel()
    await asyncio.sleep(0)
    lock.release()
    log("main released")
    await c
    log(f"a.cancelled()={a.cancelled()} b.cancelled()={b.cancelled()}")
