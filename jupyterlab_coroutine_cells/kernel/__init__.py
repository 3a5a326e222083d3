"""The Jupyter kernel ``coroutine-cells``: TypeScript coroutine cells for every Jupyter tool."""
from .kernel import CoroutineCellsKernel

__all__ = ["CoroutineCellsKernel"]
