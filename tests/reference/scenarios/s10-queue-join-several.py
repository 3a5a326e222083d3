import asyncio
from reflog import log


async def joiner(label, q):
    await q.join()
    log(f"{label} sees the queue joined")


async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    js = [asyncio.create_task(joiner(x, q), name=x) for x in ("j1", "j2")]
    await asyncio.sleep(1)
    for i in range(3):
        q.get_nowait()
        q.task_done()
        log(f"task_done {i}")
    for j in js:
        await j
    try:
        q.task_done()
    except ValueError:
        log("one task_done too many raised")
