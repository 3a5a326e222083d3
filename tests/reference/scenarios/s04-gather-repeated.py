import asyncio
from reflog import log

runs = 0


async def work(label):
    global runs
    runs += 1
    log(f"{label} runs")
    await asyncio.sleep(1)
    return label


async def main():
    t = asyncio.create_task(work("t"), name="t")
    c = work("c")
    r = await asyncio.gather(t, c, t, c)
    log(f"gather -> {','.join(r)} with {runs} runs")
