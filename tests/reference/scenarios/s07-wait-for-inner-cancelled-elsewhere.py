import asyncio
from reflog import log, fmt


async def work():
    await asyncio.sleep(5)


async def main():
    t = asyncio.create_task(work(), name="work")

    async def killer():
        await asyncio.sleep(1)
        t.cancel()

    k = asyncio.create_task(killer(), name="killer")
    try:
        await asyncio.wait_for(t, 3)
    except asyncio.CancelledError as e:
        log(f"wait_for raised {fmt(e)}, main cancelling()={asyncio.current_task().cancelling()}")
    await k
