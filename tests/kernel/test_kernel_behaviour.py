"""The kernel through jupyter_client: the seed example, state across cells, the chart bundle with
its PNG, interrupts (async and a synchronous `while (true) {}`), a cell killing its execution
context, malformed and unknown messages, and a machine without Node.js."""
import json
import subprocess
import sys
import time

from conftest import FIXTURES, env_without_node, execute, stdout_of


def test_seed_example_prints_as_in_jupyterlab_with_a_chart_and_its_png(kernel):
    _, kc = kernel
    reply, outputs = execute(kc, (FIXTURES / "seed-example.ts").read_text(encoding="utf-8"))
    assert reply["status"] == "ok"
    assert stdout_of(outputs) == (FIXTURES / "seed-example.out").read_text(encoding="utf-8")
    charts = [content for kind, content in outputs if kind == "display_data"]
    assert len(charts) == 1
    assert {"application/vnd.vegalite.v5+json", "text/plain", "image/png"} <= set(charts[0]["data"])
    assert charts[0]["data"]["image/png"].startswith("iVBORw0KGgo")


def test_declarations_persist_across_cells_and_errors_carry_the_traceback(kernel):
    _, kc = kernel
    assert execute(kc, "async function twice(n: number) { await sleep(1); return n * 2; }\nconst base = 20;")[0]["status"] == "ok"
    reply, outputs = execute(kc, "await twice(base + 1)")
    assert reply["status"] == "ok"
    assert [content["data"]["text/plain"] for kind, content in outputs if kind == "execute_result"] == ["42"]
    reply, outputs = execute(kc, "// @coroutine-cells chart=off\nasync function f() { throw new ValueError('bad value'); }\nawait f();")
    assert reply["status"] == "error" and reply["ename"] == "ValueError" and reply["evalue"] == "bad value"
    errors = [content for kind, content in outputs if kind == "error"]
    assert errors[0]["traceback"] == reply["traceback"]
    assert any("In[3]" in line for line in reply["traceback"])


def test_interrupt_cancels_the_tasks_and_keeps_the_state(kernel):
    km, kc = kernel
    execute(kc, "const kept = 'still here';")
    started = time.monotonic()
    code = "// @coroutine-cells clock=real\ntry { await sleep(600); } finally { print('cleaned up'); }"
    reply, outputs = execute(kc, code, on_busy=lambda: (time.sleep(1.5), km.interrupt_kernel()))
    assert time.monotonic() - started < 30
    assert reply["status"] == "error" and reply["ename"] == "KeyboardInterrupt"
    assert "cleaned up" in stdout_of(outputs)
    assert execute(kc, "kept")[1][0][1]["data"]["text/plain"] == "'still here'"


def test_a_synchronous_loop_is_stopped_within_2_s_by_a_new_execution_context(kernel):
    km, kc = kernel
    execute(kc, "const gone = 1;")
    timing = {}

    def interrupt():
        time.sleep(1.5)
        timing["interrupt"] = time.monotonic()
        km.interrupt_kernel()

    reply, outputs = execute(kc, "while (true) {}", on_busy=interrupt)
    stopped = time.monotonic() - timing["interrupt"]
    assert stopped < 2.5, f"took {stopped:.2f} s after the interrupt"
    assert reply["status"] == "error" and reply["ename"] == "RuntimeRestarted"
    assert "declarations" in reply["evalue"]
    assert km.is_alive()
    reply, outputs = execute(kc, "typeof gone")
    assert reply["status"] == "ok"
    assert [content["data"]["text/plain"] for kind, content in outputs if kind == "execute_result"] == ["'undefined'"]
    assert "declarations from earlier cells are gone" in "".join(c.get("text", "") for kind, c in outputs if kind == "stream")


def test_a_cell_that_ends_its_execution_context_is_reported_and_the_kernel_serves_on(kernel):
    km, kc = kernel
    reply, _ = execute(kc, "process.exit(3)")
    assert reply["status"] == "error" and reply["ename"] == "RuntimeError"
    assert "exit code 3" in reply["evalue"]
    assert km.is_alive()
    assert execute(kc, "1 + 1")[0]["status"] == "ok"


def test_unknown_and_malformed_messages_get_an_error_reply_and_the_kernel_serves_on(kernel):
    km, kc = kernel
    unknown = kc.session.msg("frobnicate_request", {})
    kc.shell_channel.send(unknown)
    reply = reply_to(kc, unknown)
    assert reply["msg_type"] == "frobnicate_reply" and reply["content"]["status"] == "error"
    malformed = kc.session.msg("execute_request", {"silent": False})  # no "code"
    kc.shell_channel.send(malformed)
    reply = reply_to(kc, malformed)
    assert reply["content"]["status"] == "error"
    assert km.is_alive()
    assert execute(kc, "6 * 7")[0]["status"] == "ok"


def reply_to(kc, request):
    """The shell reply to `request` (skipping the kernel_info reply of the start-up)."""
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == request["header"]["msg_id"]:
            return reply
        assert reply["msg_type"] == "kernel_info_reply", reply


def test_kernel_info_offers_no_debugger_and_no_subshells(kernel):
    _, kc = kernel
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=30)
    while reply["content"].get("implementation") != "coroutine-cells":
        reply = kc.get_shell_msg(timeout=30)
    assert reply["content"]["supported_features"] == []
    assert reply["content"]["language_info"]["name"] == "typescript"


def test_without_node_the_kernel_fails_at_start_with_one_line_saying_what_to_install(tmp_path):
    connection = tmp_path / "kernel.json"
    connection.write_text(json.dumps({}), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "jupyterlab_coroutine_cells.kernel", "-f", str(connection)],
        capture_output=True, text=True, env=env_without_node(), timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Node.js 20 or newer" in lines[0] and "install" in lines[0]
