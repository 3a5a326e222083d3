"""jupyterlab-coroutine-cells: TypeScript coroutine cells for JupyterLab, the Jupyter kernel `coroutine-cells`, and the headless runner."""
try:
    from ._version import __version__
except ImportError:  # running from a checkout that was never built
    import warnings

    warnings.warn("Importing 'jupyterlab_coroutine_cells' outside a proper installation.")
    __version__ = "dev"


def _jupyter_labextension_paths():
    """Tell JupyterLab where the prebuilt extension lives."""
    return [{"src": "labextension", "dest": "jupyterlab-coroutine-cells"}]
