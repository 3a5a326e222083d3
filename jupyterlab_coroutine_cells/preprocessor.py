"""Mixed notebooks headless: coroutine cells through the runtime, other code cells through the kernel.

``CoroutineCellsPreprocessor`` (nbconvert) and ``CoroutineCellsClient`` (nbclient) execute a
notebook in order: each coroutine cell runs in the project's own runtime (the bundled Node host,
one session per notebook, so declarations carry over as in JupyterLab), every other code cell in
the notebook's own kernel, with nbclient's ``allow_errors`` / stop-on-error behaviour. A notebook
with coroutine cells only starts no kernel at all. Use::

    jupyter nbconvert --to notebook --output out.ipynb \\
        --Exporter.preprocessors='["jupyterlab_coroutine_cells.preprocessor.CoroutineCellsPreprocessor"]' \\
        lesson.ipynb                       # add --allow-errors to go on after a failing cell

(without ``--execute``: that would run every cell in the kernel first.)
"""
import asyncio

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbclient.util import run_sync
from traitlets import Bool

from .kernel.node_host import HostExited, NodeHost
from .notebook_cells import METADATA_KEY, is_coroutine_cell, is_coroutine_notebook

#: language_info of a notebook that ran coroutine cells only.
TYPESCRIPT_LANGUAGE_INFO = {"name": "typescript", "file_extension": ".ts", "mimetype": "text/typescript", "codemirror_mode": "typescript"}


class CoroutineCellsMixin:
    """Runs coroutine cells in the runtime; everything else as the base client does."""

    _host = None
    _coroutine_count = 0

    def _by_default(self):
        return is_coroutine_notebook(self.nb)

    def _needs_kernel(self):
        by_default = self._by_default()
        return any(cell.cell_type == "code" and not is_coroutine_cell(cell, by_default) for cell in self.nb.cells)

    def _stop_host(self):
        host, self._host = self._host, None
        self._coroutine_count = 0
        if host is not None:
            host.stop()

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        """A coroutine cell runs in the runtime, any other cell in the kernel."""
        if not is_coroutine_cell(cell, self._by_default()):
            return await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        if not cell.source.strip() or self.skip_cells_with_tag in cell.metadata.get("tags", []):
            return cell
        if self._host is None:
            self._host = NodeHost(self.log)
            await asyncio.get_running_loop().run_in_executor(None, self._host.start)
        self._coroutine_count += 1
        count = self._coroutine_count
        cell.outputs = []
        status, error = await self._run_in_runtime(cell, count)
        cell.execution_count = count
        self.code_cells_executed += 1
        if status != "ok":
            error = error or {"ename": "KeyboardInterrupt", "evalue": "", "traceback": []}
            await self._check_raise_for_error(cell, cell_index, {"content": {"status": "error", **error}})
        return cell

    # nbclient binds its synchronous wrapper to its own coroutine: bind it to this one.
    execute_cell = run_sync(async_execute_cell)

    async def _run_in_runtime(self, cell, count):
        host = self._host
        request_id = host.new_id()
        # The notebook's and the cell's options (clock, budgets, chart), as JupyterLab and the CLI resolve them.
        levels = {"notebook": self.nb.metadata, "cell": cell.metadata}
        metadata = {level: values[METADATA_KEY] for level, values in levels.items() if METADATA_KEY in values}
        request = {"type": "run", "id": request_id, "source": cell.source, "cellLabel": f"In[{count}]", "executionCount": count}
        host.send({**request, "metadata": metadata})
        loop = asyncio.get_running_loop()
        error = None
        while True:
            message = await loop.run_in_executor(None, host.next_message, 0.25)
            if message is None:
                continue
            kind = message.get("type")
            if kind == "output" and message.get("id") == request_id:
                output = message["output"]
                if output.get("output_type") == "error":
                    error = {key: output[key] for key in ("ename", "evalue", "traceback")}
                last = cell.outputs[-1] if cell.outputs else None
                if output.get("output_type") == "stream" and last and last.output_type == "stream" and last.name == output["name"]:
                    last.text += output["text"]  # stored as JupyterLab stores it: one output per run of text
                else:
                    cell.outputs.append(nbformat.from_dict(output))
            elif kind == "done" and message.get("id") == request_id:
                return message.get("status", "error"), error
            elif kind == "exited":
                self._host = None
                raise HostExited(f"the coroutine-cells runtime (Node.js) ended while running cell In[{count}]")


class CoroutineCellsClient(CoroutineCellsMixin, NotebookClient):
    """nbclient's NotebookClient for notebooks with coroutine cells."""

    async def async_execute(self, reset_kc=False, **kwargs):
        """Executes the notebook (no kernel is started when every code cell is a coroutine cell)."""
        try:
            if self._needs_kernel():
                return await super().async_execute(reset_kc=reset_kc, **kwargs)
            self.reset_execution_trackers()
            for index, cell in enumerate(self.nb.cells):
                await self.async_execute_cell(cell, index)
            self.nb.metadata["language_info"] = dict(TYPESCRIPT_LANGUAGE_INFO)
            return self.nb
        finally:
            self._stop_host()

    execute = run_sync(async_execute)


try:
    from nbconvert.preprocessors import ExecutePreprocessor
except ImportError:  # nbclient without nbconvert: only CoroutineCellsClient
    ExecutePreprocessor = None

if ExecutePreprocessor is not None:

    class CoroutineCellsPreprocessor(CoroutineCellsMixin, ExecutePreprocessor):
        """nbconvert's ExecutePreprocessor for notebooks with coroutine cells (enabled by default)."""

        enabled = Bool(True, help="Execute the notebook (coroutine cells in the runtime, others in the kernel).").tag(config=True)

        def preprocess(self, nb, resources=None, km=None):
            """Executes `nb` in order; returns (nb, resources)."""
            try:
                if self._needs_kernel_of(nb):
                    return super().preprocess(nb, resources, km)
                NotebookClient.__init__(self, nb, km)
                self.reset_execution_trackers()
                self._check_assign_resources(resources)
                for index, cell in enumerate(self.nb.cells):
                    self.preprocess_cell(cell, resources, index)
                self.nb.metadata["language_info"] = dict(TYPESCRIPT_LANGUAGE_INFO)
                return self.nb, self.resources
            finally:
                self._stop_host()

        def _needs_kernel_of(self, nb):
            by_default = is_coroutine_notebook(nb)
            return any(cell.cell_type == "code" and not is_coroutine_cell(cell, by_default) for cell in nb.cells)


__all__ = ["CoroutineCellsClient", "CoroutineCellsPreprocessor", "CellExecutionError"]
