import asyncio
from reflog import log


async def job(d):
    await asyncio.sleep(d)
    return d


async def main():
    tasks = [asyncio.create_task(job(d), name=f"job{d}") for d in (3, 1, 2)]
    async for t in asyncio.as_completed(tasks):
        log(f"{t.get_name()} is an original task: {t in tasks}, result {await t}")
    for c in asyncio.as_completed([job(2), job(1)]):
        log(f"plain iteration still gives results: {await c}")
