"""Runs Python reference scenarios on the virtual-clock loop, all in this one process.

Usage: python3 runner.py NAME [NAME ...]
Each NAME is a file ../scenarios/NAME.py that defines ``async def main()``. Prints one JSON object
to stdout: {NAME: {"lines": [...], "error": null | "Type: message"}}.
Each scenario runs in its own ``asyncio.Runner`` (like ``asyncio.run``) on a fresh
``VirtualClockLoop``, so leftover tasks are cancelled and awaited at the end as ``asyncio.run`` does.
"""

import asyncio
import gc
import importlib.util
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import reflog  # noqa: E402
from virtual_loop import VirtualClockLoop  # noqa: E402

SCENARIOS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios")


def run_one(name):
    path = os.path.join(SCENARIOS, name + ".py")
    spec = importlib.util.spec_from_file_location("scenario_" + name.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    reflog.lines = []
    error = None
    try:
        with asyncio.Runner(loop_factory=VirtualClockLoop) as runner:
            runner.run(module.main())
    except BaseException as exc:  # the scenario's main may end with an exception on purpose
        error = f"{type(exc).__name__}: {exc}"
    gc.collect()
    return {"lines": reflog.lines, "error": error}


def main(argv):
    out = {name: run_one(name) for name in argv}
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
