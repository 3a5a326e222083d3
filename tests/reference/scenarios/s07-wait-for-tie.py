import asyncio
from reflog import log, fmt


async def main():
    try:
        r = await asyncio.wait_for(asyncio.sleep(1, "x"), 1)
        log(f"wait_for -> {r} (must not happen)")
    except TimeoutError as e:
        log(f"wait_for(sleep(1), 1): {fmt(e)}")
    r = await asyncio.wait_for(asyncio.sleep(0.5, "y"), 1)
    log(f"wait_for(sleep(0.5), 1) -> {r}")
