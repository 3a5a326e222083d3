import asyncio
from reflog import log, fmt


async def work(label, d):
    await asyncio.sleep(d)
    log(f"{label} end")
    return label


async def main():
    ts = [asyncio.create_task(work(x, d), name=x) for x, d in (("a", 1), ("b", 2), ("c", 3))]
    for aw in asyncio.as_completed(ts, timeout=1.5):
        try:
            log(f"next -> {await aw}")
        except TimeoutError as e:
            log(f"next raised {fmt(e)}")
    log(f"pending tasks cancelled: {[t.cancelled() for t in ts].count(True)}")
    await asyncio.sleep(2)
    log("main end")
