"""The kernel and the preprocessor with the real Jupyter tools: `jupyter nbconvert --execute` of
every lesson reproduces its stored outputs (PNG bytes aside), `jupyter execute`, papermill with a
parameter, and a mixed Python + coroutine notebook through the preprocessor."""
import json
import subprocess

import nbformat
import pytest

from conftest import BIN, EXAMPLES, comparable, lesson_copy

LESSONS = sorted(path.name for path in EXAMPLES.glob("*.ipynb"))
PREPROCESSOR = "jupyterlab_coroutine_cells.preprocessor.CoroutineCellsPreprocessor"


def run(*args, cwd=None):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=600)
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


def code_outputs(nb):
    return [(cell["execution_count"], comparable(cell["outputs"])) for cell in nb["cells"] if cell["cell_type"] == "code"]


def test_there_are_lessons():
    assert len(LESSONS) >= 8


def virtual_time_outputs(nb):
    """The code cells' outputs, cells on the real clock (their times vary) left out."""
    return [
        (cell["execution_count"], comparable(cell["outputs"]))
        for cell in nb["cells"]
        if cell["cell_type"] == "code" and "clock=real" not in "".join(cell["source"]).split("\n", 1)[0]
    ]


def test_nbconvert_execute_of_every_lesson_gives_the_stored_outputs(tmp_path):
    copies = [lesson_copy(tmp_path, name) for name in LESSONS]
    # --allow-errors: some lessons show an error on purpose (it is compared like any output).
    run(BIN / "jupyter-nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--output-dir", tmp_path / "out", *copies)
    for name in LESSONS:
        stored = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        fresh = json.loads((tmp_path / "out" / name).read_text(encoding="utf-8"))
        assert virtual_time_outputs(fresh) == virtual_time_outputs(stored), name
        assert fresh["metadata"]["language_info"]["name"] == "typescript"
        assert fresh["metadata"]["kernelspec"]["name"] == "coroutine-cells"
        charts = [o for c in fresh["cells"] if c["cell_type"] == "code" for o in c["outputs"] if "application/vnd.vegalite.v5+json" in o.get("data", {})]
        assert all("image/png" in chart["data"] for chart in charts), f"{name}: a chart without its PNG"


def test_jupyter_execute_runs_a_lesson_in_place(tmp_path):
    copy = lesson_copy(tmp_path, LESSONS[0])
    before = json.loads(copy.read_text(encoding="utf-8"))
    for cell in before["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    copy.write_text(json.dumps(before), encoding="utf-8")
    run(BIN / "jupyter-execute", "--inplace", copy)
    after = json.loads(copy.read_text(encoding="utf-8"))
    assert code_outputs(after) == code_outputs(json.loads((EXAMPLES / LESSONS[0]).read_text(encoding="utf-8")))


def parameters_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "coroutine-cells", "display_name": "TypeScript (coroutine cells)", "language": "typescript"}
    nb.metadata["language_info"] = {"name": "typescript"}
    nb.metadata["coroutine-cells"] = {"default": True}
    nb.cells = [
        nbformat.v4.new_code_cell('const n = 2;\nconst who = "nobody";', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "// @coroutine-cells chart=off\nasync function tick(i: number) { await sleep(i); return i; }\n"
            "print(who, await gather(...Array.from({ length: n }, (_, i) => tick(i + 1))));"
        ),
    ]
    return nb


def test_papermill_injects_typescript_parameters_and_runs_through_the_kernel(tmp_path):
    source, out = tmp_path / "params.ipynb", tmp_path / "out.ipynb"
    nbformat.write(parameters_notebook(), source)
    run(BIN / "papermill", source, out, "-p", "n", "4", "-p", "who", "Ann", "-p", "ratio", "0.5", "-p", "flag", "True")
    nb = nbformat.read(out, as_version=4)
    injected = nb.cells[1]
    assert "injected-parameters" in injected.metadata.tags
    assert 'const n = 4;' in injected.source and 'const who = "Ann";' in injected.source
    assert 'const ratio = 0.5;' in injected.source and 'const flag = true;' in injected.source
    assert nb.cells[2].outputs[0]["text"] == "Ann [ 1, 2, 3, 4 ]\n"


def test_coroutine_cells_execute_with_p_does_the_same_without_papermill(tmp_path):
    source, out = tmp_path / "params.ipynb", tmp_path / "out.ipynb"
    nbformat.write(parameters_notebook(), source)
    run(BIN / "jupyter-coroutine-cells", "execute", source, "-o", out, "-p", "n", "3", "-p", "who", "Bo")
    nb = nbformat.read(out, as_version=4)
    assert nb.cells[1].source == '// Parameters\nconst n = 3;\nconst who = "Bo";\n'
    assert nb.cells[2].outputs[0]["text"] == "Bo [ 1, 2, 3 ]\n"


def mixed_notebook(fail_in_python=False):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    coroutine = {"coroutine-cells": {}}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Mixed"),
        nbformat.v4.new_code_cell("import asyncio\nx = 21\nprint('python', x * 2)"),
        # Its options come from its metadata, as in JupyterLab: no chart.
        nbformat.v4.new_code_cell("const y = 5;\nprint('typescript', await sleep(1, y * 2));", metadata={"coroutine-cells": {"chart": {"enabled": False}}}),
        nbformat.v4.new_code_cell("raise ValueError('python failed')" if fail_in_python else "print('python again', x)"),
        nbformat.v4.new_code_cell("await sleep(1, y + 1)", metadata=coroutine),
    ]
    return nb


def test_the_preprocessor_runs_a_mixed_notebook_in_order_through_runtime_and_kernel(tmp_path):
    source = tmp_path / "mixed.ipynb"
    nbformat.write(mixed_notebook(), source)
    run(BIN / "jupyter-nbconvert", "--to", "notebook", f"--Exporter.preprocessors={json.dumps([PREPROCESSOR])}", "--output", "done", source)
    nb = nbformat.read(tmp_path / "done.ipynb", as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "python 42\n"
    assert [output["output_type"] for output in nb.cells[2].outputs] == ["stream"]
    assert nb.cells[2].outputs[0]["text"] == "typescript 10\n"
    assert nb.cells[3].outputs[0]["text"] == "python again 21\n"
    assert nb.cells[4].outputs[0]["data"]["text/plain"] == "6"
    assert nb.cells[4].outputs[-1]["data"]["image/png"]  # the chart, with its PNG
    assert [nb.cells[i].execution_count for i in (1, 2, 3, 4)] == [1, 1, 2, 2]


def test_papermill_engine_runs_a_mixed_notebook_with_coroutine_cells_in_the_runtime(tmp_path):
    source, out = tmp_path / "mixed.ipynb", tmp_path / "out.ipynb"
    nb = mixed_notebook()
    nb.cells[1].source = "print('python', x * 2)"
    nb.cells.insert(1, nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}))
    nbformat.write(nb, source)
    run(BIN / "papermill", "--engine", "coroutine-cells", source, out, "-p", "x", "50")
    done = nbformat.read(out, as_version=4)
    texts = [o.get("text") for c in done.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream"]
    assert texts == ["python 100\n", "typescript 10\n", "python again 50\n"]


def test_the_preprocessor_stops_at_an_error_unless_errors_are_allowed(tmp_path):
    source = tmp_path / "failing.ipynb"
    nbformat.write(mixed_notebook(fail_in_python=True), source)
    args = [BIN / "jupyter-nbconvert", "--to", "notebook", f"--Exporter.preprocessors={json.dumps([PREPROCESSOR])}", "--output", "done", source]
    failed = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600)
    assert failed.returncode != 0 and "python failed" in failed.stderr
    run(*args[:-1], "--allow-errors", source)
    nb = nbformat.read(tmp_path / "done.ipynb", as_version=4)
    assert nb.cells[3].outputs[0]["ename"] == "ValueError"
    assert nb.cells[4].outputs[0]["data"]["text/plain"] == "6"


def test_the_client_runs_a_coroutine_notebook_without_any_kernel(tmp_path):
    from jupyterlab_coroutine_cells.preprocessor import CoroutineCellsClient

    nb = parameters_notebook()
    nb.metadata.pop("kernelspec")
    client = CoroutineCellsClient(nb, kernel_name="no-such-kernel")
    client.execute()
    assert nb.cells[1].outputs[0]["text"] == "nobody [ 1, 2 ]\n"
    assert client.km is None
    with pytest.raises(Exception, match="ValueError"):
        bad = parameters_notebook()
        bad.cells.append(nbformat.v4.new_code_cell("throw new ValueError('no')"))
        CoroutineCellsClient(bad).execute()


def test_a_script_exported_by_nbconvert_is_refused_by_run_with_its_duplicate_names(tmp_path):
    copy = lesson_copy(tmp_path, "02-tasks.ipynb")
    run(BIN / "jupyter-nbconvert", "--to", "script", copy)
    script = tmp_path / "02-tasks.ts"
    assert script.exists()
    result = subprocess.run([str(BIN / "jupyter-coroutine-cells"), "run", str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "main: declared on lines" in result.stderr and result.stdout == ""


def test_the_console_script_runs_the_seed_with_the_bundled_runtime(tmp_path):
    from conftest import FIXTURES

    result = subprocess.run(
        [str(BIN / "jupyter-coroutine-cells"), "run", str(FIXTURES / "seed-example.ts")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (FIXTURES / "seed-example.out").read_text(encoding="utf-8")
    help_text = subprocess.run([str(BIN / "jupyter-coroutine-cells"), "--help"], capture_output=True, text=True, timeout=300)
    assert "coroutine-cells execute IN.ipynb" in help_text.stdout
