"""nbgrader's execution step for TypeScript coroutine cells.

``CoroutineCellsExecute`` replaces nbgrader's ``Execute`` preprocessor (see nbgrader_config.py).
It runs the notebook's coroutine cells in order, in one session, so a check cell sees the run of
the exercise cell above it, as in JupyterLab, with one of two engines (``engine``):

- ``"runner"`` (the default): the project's headless runner (``node bin/coroutine-cells.mjs
  execute --allow-errors``), whose outputs are copied back; needs Node.js and the checkout.
- ``"kernel"``: nbgrader's own ``Execute`` (nbclient), in the notebook's kernel: the lessons'
  kernelspec names the project's Jupyter kernel ``coroutine-cells``, which the wheel installs
  (``jupyter kernelspec list`` shows it), so nothing else is needed where nbgrader runs.

It also closes the hole nbgrader leaves open: nbgrader gives full marks to a graded code cell
whose outputs hold no error, so a test cell that never ran, or ran and printed nothing, would
pass. Here every graded code cell that ends up with no output at all gets an error output
saying why, and scores zero. (The checks of coroutine-cells print one "✓" line each, so a
check cell that ran always has output.)
"""
import json
import os
import subprocess
import tempfile

from nbformat import NotebookNode, read, write
from nbgrader.preprocessors import Execute
from traitlets import Enum, Integer, List, Unicode

#: The runner: $COROUTINE_CELLS_BIN, else the checkout's (this file is examples/nbgrader/...).
RUNNER = os.environ.get("COROUTINE_CELLS_BIN") or os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "bin", "coroutine-cells.mjs"
)


def error_output(ename, evalue):
    """An nbformat error output with a one-line traceback."""
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def is_graded_code(cell):
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution", False)


class CoroutineCellsExecute(Execute):
    """Runs a coroutine-cell notebook with the headless runner; other notebooks as nbgrader does."""

    command = List(
        Unicode(),
        default_value=["node", RUNNER],
        help="The coroutine-cells command line, before its 'execute' argument.",
    ).tag(config=True)

    runner_timeout = Integer(300, help="Seconds the whole notebook may take.").tag(config=True)

    engine = Enum(
        ["runner", "kernel"],
        default_value="runner",
        help="'runner': the headless runner (command); 'kernel': the notebook's Jupyter kernel, through nbclient.",
    ).tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        if not nb.metadata.get("coroutine-cells", {}).get("default", False):
            return super().preprocess(nb, resources, km)
        # In a coroutine notebook every code cell is a coroutine cell (the runner reads the mark).
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.metadata.setdefault("coroutine-cells", {})
                cell.outputs = []
        failure = None
        if self.engine == "kernel":
            try:
                nb, resources = super().preprocess(nb, resources, km)
            except Exception as error:  # noqa: BLE001 -- any failure to run leaves the checks without output
                self.log.error("The notebook's kernel did not run it: %s", error)
                failure = f"the notebook's kernel did not run it ({type(error).__name__}: {error})"
        else:
            failure = self._run(nb)
        for cell in nb.cells:
            if is_graded_code(cell) and not cell.outputs:
                why = failure or "it produced no output, so nothing shows that its checks ran"
                cell.outputs.append(error_output("NoTestOutput", f"this test cell does not count as passed: {why}"))
        return nb, resources

    def _run(self, nb):
        """Runs the notebook in place; returns None, or why it could not run."""
        with tempfile.TemporaryDirectory(prefix="coroutine-cells-grade-") as tmp:
            source, result = os.path.join(tmp, "in.ipynb"), os.path.join(tmp, "out.ipynb")
            with open(source, "w", encoding="utf-8") as f:
                write(nb, f)
            argv = [*self.command, "execute", source, "-o", result, "--allow-errors"]
            self.log.info("Running the coroutine cells: %s", " ".join(argv))
            try:
                done = subprocess.run(argv, capture_output=True, text=True, timeout=self.runner_timeout)
            except (OSError, subprocess.TimeoutExpired) as error:
                self.log.error("The coroutine-cells runner did not run: %s", error)
                return f"the coroutine-cells runner did not run ({error})"
            if done.returncode != 0 or not os.path.exists(result):
                self.log.error("The coroutine-cells runner failed (exit %s): %s", done.returncode, done.stderr)
                return f"the coroutine-cells runner failed (exit {done.returncode}): {done.stderr.strip()[-300:]}"
            with open(result, encoding="utf-8") as f:
                ran = read(f, as_version=4)
        for cell, new in zip(nb.cells, ran.cells):
            if cell.cell_type == "code":
                cell.outputs = new.outputs
                cell.execution_count = new.execution_count
        return None
