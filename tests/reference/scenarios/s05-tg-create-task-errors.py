import asyncio
from reflog import log


async def noop():
    pass


def try_create(tg, label):
    c = noop()
    try:
        tg.create_task(c)
        log(f"{label}: created")
    except RuntimeError as e:
        msg = str(e)
        for phrase in ("has not been entered", "is shutting down", "is finished"):
            if phrase in msg:
                log(f"{label}: RuntimeError {phrase}")
        c.close()


async def fails():
    await asyncio.sleep(1)
    raise ValueError("a")


async def sibling(tg):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        try_create(tg, "while aborting")
        raise


async def main():
    tg = asyncio.TaskGroup()
    try_create(tg, "before entering")
    async with tg:
        try_create(tg, "inside")
    try_create(tg, "after exit")
    try:
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(fails(), name="a")
            tg2.create_task(sibling(tg2), name="b")
    except ExceptionGroup:
        log("second group failed as expected")
