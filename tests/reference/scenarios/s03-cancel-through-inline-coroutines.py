import asyncio
from reflog import log


async def leaf():
    try:
        await asyncio.sleep(5)
    finally:
        log("leaf task finally")


async def middle(t):
    try:
        await t
    finally:
        log("middle coroutine finally")


async def top(t):
    try:
        await middle(t)
    finally:
        log("top coroutine finally")


async def main():
    leaf_task = asyncio.create_task(leaf(), name="leaf")
    top_task = asyncio.create_task(top(leaf_task), name="top")
    await asyncio.sleep(1)
    top_task.cancel()
    await asyncio.gather(top_task, return_exceptions=True)
    log(f"leaf.cancelled()={leaf_task.cancelled()} top.cancelled()={top_task.cancelled()}")
