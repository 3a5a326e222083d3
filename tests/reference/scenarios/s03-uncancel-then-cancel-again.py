import asyncio
from reflog import log, fmt


async def resilient():
    for round in range(2):
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError as e:
            t = asyncio.current_task()
            log(f"round {round}: caught {fmt(e)}, cancelling={t.cancelling()}, uncancel -> {t.uncancel()}")
    return "survived"


async def main():
    t = asyncio.create_task(resilient(), name="resilient")
    await asyncio.sleep(1)
    t.cancel("first")
    await asyncio.sleep(1)
    t.cancel("second")
    log(f"result {await t}, cancelling={t.cancelling()}")
