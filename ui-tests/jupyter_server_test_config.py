"""Jupyter server configuration for the UI tests (Galata's test settings: no token, temp root)."""
import os

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821 (c is the config object Jupyter passes in)

# A port of our own, so a JupyterLab opened with `npm start` on 8888 does not collide.
c.ServerApp.port = int(os.environ.get("COROUTINE_CELLS_UI_PORT", "8899"))  # noqa: F821
# The tests read saved notebooks from disk, so the root folder is known to them.
if os.environ.get("COROUTINE_CELLS_UI_ROOT"):
    c.ServerApp.root_dir = os.environ["COROUTINE_CELLS_UI_ROOT"]  # noqa: F821
# CI machines run as root.
c.ServerApp.allow_root = True  # noqa: F821
