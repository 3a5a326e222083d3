"""The bundled Node runtime of the package: where it is, and the machine's Node.js that runs it.

The wheel carries the project's compiler, scheduler, runtime and chart as esbuild bundles in
``runtime/`` (built by ``scripts/build-kernel.mjs``); they need Node.js 20 or newer.
"""
import os
import re
import shutil
import subprocess
from pathlib import Path

#: The oldest Node.js major version the runtime supports.
MIN_NODE_MAJOR = 20

#: The folder of the bundled runtime (kernel host, kernel worker, CLI, fonts, resvg.wasm).
RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"

#: Environment variable naming the node executable to use instead of the one on PATH.
NODE_ENV = "COROUTINE_CELLS_NODE"


class NodeNotFound(RuntimeError):
    """Node.js is missing or too old; the message is one line saying what to install."""


def find_node():
    """Returns the path of a Node.js >= 20, or raises NodeNotFound with what to install."""
    node = os.environ.get(NODE_ENV) or shutil.which("node")
    hint = (
        f"install Node.js {MIN_NODE_MAJOR} or newer (https://nodejs.org, or e.g. `apt-get install nodejs`) "
        f"and put `node` on PATH (or set {NODE_ENV})"
    )
    if not node:
        raise NodeNotFound(f"coroutine-cells needs Node.js to run coroutine cells, and none was found: {hint}")
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        raise NodeNotFound(f"coroutine-cells could not run {node} ({error}): {hint}") from None
    match = re.match(r"v(\d+)\.", version)
    if not match or int(match.group(1)) < MIN_NODE_MAJOR:
        raise NodeNotFound(f"coroutine-cells needs Node.js {MIN_NODE_MAJOR} or newer, {node} is {version or 'unknown'}: {hint}")
    return node


def runtime_file(name):
    """The path of one bundled runtime file; raises FileNotFoundError saying how to build it."""
    path = RUNTIME_DIR / name
    if not path.exists():
        raise FileNotFoundError(
            f"the bundled coroutine-cells runtime is missing ({path}); in a checkout run `npm run build`, "
            "otherwise reinstall the package"
        )
    return path
