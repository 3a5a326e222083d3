"""CPython 3.11 asyncio side of the scheduler benchmark.

Usage: python3 asyncio_bench.py WORKLOAD N K
Prints JSON {"seconds": loop wall time, "cpuSeconds": loop CPU time, "maxrss_kb": peak RSS}. Only the loop part is timed (from the
first line of main to its end), not interpreter start-up. Workloads mirror workloads.mjs:
  sleep0     N tasks, each K x `await asyncio.sleep(0)`, awaited one by one (default loop)
  gather     gather(N tasks), each one `sleep(0)` (default loop)
  taskgroup  a TaskGroup of N tasks, each one `sleep(0)` (default loop)
  timers     N tasks, task i sleeps (i+1) ms of virtual time: run on the virtual-clock loop of
             tests/reference/python (the default loop would really sleep), which is CPython's own
             BaseEventLoop with only time() and select() replaced
"""

import asyncio
import json
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "reference", "python"))


async def yielder(k):
    for _ in range(k):
        await asyncio.sleep(0)


async def sleeper(d):
    await asyncio.sleep(d)


async def main(workload, n, k, out):
    t0 = time.perf_counter()
    c0 = time.process_time()
    if workload == "sleep0":
        tasks = [asyncio.create_task(yielder(k)) for _ in range(n)]
        for t in tasks:
            await t
    elif workload == "gather":
        await asyncio.gather(*[yielder(1) for _ in range(n)])
    elif workload == "taskgroup":
        async with asyncio.TaskGroup() as tg:
            for _ in range(n):
                tg.create_task(yielder(1))
    elif workload == "timers":
        tasks = [asyncio.create_task(sleeper((i + 1) / 1000)) for i in range(n)]
        for t in tasks:
            await t
    else:
        raise ValueError(f"unknown workload {workload!r}")
    out["seconds"] = time.perf_counter() - t0
    out["cpuSeconds"] = time.process_time() - c0


def run(workload, n, k):
    out = {}
    if workload == "timers":
        from virtual_loop import VirtualClockLoop

        with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
            runner.run(main(workload, n, k, out))
    else:
        asyncio.run(main(workload, n, k, out))
    out["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return out


if __name__ == "__main__":
    w, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(run(w, n, k)))
