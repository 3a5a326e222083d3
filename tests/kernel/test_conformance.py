"""The kernel `coroutine-cells` against jupyter_kernel_test, the standard conformance suite.

Pager, clear_output and history are not offered by the kernel (a coroutine cell has no pager or
clear_output call, and the kernel keeps no history), so those tests are left out rather than
skipped.
"""
import jupyter_kernel_test


class CoroutineCellsKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "coroutine-cells"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'console.error("something went wrong")'
    # The cell's only output is its error: no chart for this one.
    code_generate_error = '// @coroutine-cells chart=off\nthrow new ValueError("boom")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"abc".toUpperCase()', "result": "'ABC'"},
        {"code": "await sleep(1, 'done')", "result": "'done'"},
    ]
    code_display_data = [
        # Every display_data of the cell must carry the MIME type: no chart after display() here.
        {"code": '// @coroutine-cells chart=off\ndisplay({"text/html": "<b>hi</b>", "text/plain": "hi"})', "mime": "text/html"},
        {"code": "await sleep(1)", "mime": "application/vnd.vegalite.v5+json"},
        {"code": "await sleep(1)", "mime": "image/png"},
    ]
    completion_samples = [
        {"text": "asCom", "matches": {"asCompleted"}},
        {"text": "const t = createT", "matches": {"createTask"}},
    ]
    complete_code_samples = ["print(1)", "async function f() {\n  await sleep(1);\n}", "const s = `a${1}b`;"]
    incomplete_code_samples = ["async function f() {", "print(", "const s = `abc", "const x =", "/* still"]
    invalid_code_samples = ["print(1))", "}", "const s = 'abc"]
    code_inspect_sample = "gather"

    test_pager = None
    test_clear_output = None
    test_history = None
