import asyncio
from reflog import log, fmt


async def precious():
    await asyncio.sleep(2)
    log("precious done")
    return "kept"


async def main():
    t = asyncio.create_task(precious(), name="precious")
    try:
        async with asyncio.timeout(1):
            await asyncio.shield(t)
    except TimeoutError as e:
        log(f"main caught {fmt(e)}, precious still running: {not t.done()}")
    log(f"precious -> {await t}")
