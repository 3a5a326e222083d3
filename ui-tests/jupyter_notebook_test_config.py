"""Jupyter server configuration for the Notebook 7 UI tests: the JupyterLab test configuration, plus
the notebook application exposed as window.jupyterapp (Notebook 7 reads its own app's setting)."""
from pathlib import Path

exec((Path(__file__).parent / "jupyter_server_test_config.py").read_text())  # noqa: S102 (our own file)

c.JupyterNotebookApp.expose_app_in_browser = True  # noqa: F821
