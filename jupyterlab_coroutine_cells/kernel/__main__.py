"""``python -m jupyterlab_coroutine_cells.kernel -f CONNECTION_FILE`` (the kernelspec's argv)."""
import sys

from ..node_runtime import NodeNotFound, find_node


def main():
    """Starts the kernel; fails at once, with one line, when Node.js is missing or too old."""
    try:
        find_node()
    except NodeNotFound as error:
        print(error, file=sys.stderr)
        sys.exit(1)
    from ipykernel.kernelapp import IPKernelApp

    from .kernel import CoroutineCellsKernel

    IPKernelApp.launch_instance(kernel_class=CoroutineCellsKernel)


if __name__ == "__main__":
    main()
