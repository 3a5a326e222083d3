import asyncio
from reflog import log


async def work(label, d):
    log(f"{label} start")
    await asyncio.sleep(d)
    log(f"{label} end")
    return label


async def main():
    r = await asyncio.gather(work("a", 3), work("b", 1), work("c", 2))
    log(f"gather -> {','.join(r)}")
