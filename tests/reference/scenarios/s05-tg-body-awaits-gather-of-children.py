import asyncio
from reflog import log, fmt


async def work(label, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        log(f"{label} cancelled")
        raise
    if fail:
        raise ValueError(label)
    return label


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(work("a", 1, fail=True), name="a")
            b = tg.create_task(work("b", 3), name="b")
            try:
                await asyncio.gather(a, b)
            except BaseException as e:
                log(f"body's gather raised {fmt(e)}")
                raise
    except BaseException as e:
        log(f"main caught {fmt(e)}")
