import asyncio
from reflog import log, fmt


async def work(label, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(label)
    return label


async def main():
    ts = [
        asyncio.create_task(work("a", 3), name="a"),
        asyncio.create_task(work("b", 1), name="b"),
        asyncio.create_task(work("c", 2, True), name="c"),
    ]
    for aw in asyncio.as_completed(ts):
        try:
            log(f"next -> {await aw}")
        except ValueError as e:
            log(f"next raised {fmt(e)}")
