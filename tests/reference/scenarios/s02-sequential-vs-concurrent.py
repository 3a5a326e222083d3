import asyncio
from reflog import log


async def work(label, d):
    log(f"{label} start")
    await asyncio.sleep(d)
    log(f"{label} end")
    return label


async def main():
    await work("seq1", 1)
    await work("seq2", 2)
    log("sequential done")
    t1 = asyncio.create_task(work("con1", 1), name="con1")
    t2 = asyncio.create_task(work("con2", 2), name="con2")
    log(f"concurrent results {await t1} {await t2}")
