"""Which cells of a notebook are coroutine cells (the rule the CLI, kernel and preprocessor share).

A code cell is a coroutine cell when its metadata has a ``"coroutine-cells"`` marker (an object);
in a coroutine notebook (notebook metadata ``"coroutine-cells": {"default": true}``) an untagged
code cell is one too, unless its marker is ``false`` (an explicit kernel cell).
"""

#: The metadata key of cells and notebooks.
METADATA_KEY = "coroutine-cells"

#: The kernelspec name of the kernel.
KERNEL_NAME = "coroutine-cells"


def is_coroutine_notebook(nb):
    """True when the notebook says ``"coroutine-cells": {"default": true}``."""
    marker = nb.get("metadata", {}).get(METADATA_KEY)
    return isinstance(marker, dict) and marker.get("default") is True


def is_coroutine_cell(cell, notebook_default=False):
    """True for a code cell that runs in the coroutine runtime."""
    if cell.get("cell_type") != "code":
        return False
    metadata = cell.get("metadata", {})
    if METADATA_KEY not in metadata:
        return notebook_default
    marker = metadata[METADATA_KEY]
    return marker is not None and marker is not False
