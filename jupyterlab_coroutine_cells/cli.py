"""``jupyter-coroutine-cells execute|check|run``: the headless runner, shipped in the wheel.

Runs the bundled ``coroutine-cells`` command line (the same compiler, scheduler, runtime and
chart as JupyterLab) with the machine's Node.js; the arguments and exit status are the CLI's.
"""
import os
import subprocess
import sys

from .node_runtime import NodeNotFound, find_node, runtime_file


def main(argv=None):
    """Runs the command line; returns the exit status."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        node = find_node()
        cli = runtime_file("cli.cjs")
    except (NodeNotFound, FileNotFoundError) as error:
        print(f"jupyter-coroutine-cells: {error}", file=sys.stderr)
        return 2
    if os.name != "nt":
        # Hand the terminal (and Ctrl-C) to Node: the CLI interrupts cells itself.
        os.execv(node, [node, str(cli), *args])
    return subprocess.call([node, str(cli), *args])


if __name__ == "__main__":
    sys.exit(main())
