import asyncio
from reflog import log, fmt


async def work(label, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(label)
    return label


async def main():
    r = await asyncio.gather(work("a", 2), work("b", 1, True), work("c", 3), return_exceptions=True)
    log("gather -> " + ", ".join(x if isinstance(x, str) else fmt(x) for x in r))
