"""Shared helpers of the kernel tests: paths, a running kernel, executing code and collecting outputs."""
import json
import os
import queue
import sys
import time
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
BIN = Path(sys.executable).parent
KERNELSPEC = {"name": "coroutine-cells", "display_name": "TypeScript (coroutine cells)", "language": "typescript"}


@pytest.fixture
def kernel():
    """A fresh `coroutine-cells` kernel (manager, client); shut down afterwards."""
    km, kc = start_new_kernel(kernel_name="coroutine-cells", startup_timeout=120)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def execute(kc, code, timeout=120, on_busy=None):
    """Runs `code`; returns (reply content, [(msg_type, content)] of its iopub outputs)."""
    msg_id = kc.execute(code)
    outputs = []
    deadline = time.monotonic() + timeout
    busy_seen = False
    while True:
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no reply within {timeout} s to {code!r}"
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status":
            if msg["content"]["execution_state"] == "busy" and not busy_seen:
                busy_seen = True
                if on_busy:
                    on_busy()
            elif msg["content"]["execution_state"] == "idle":
                break
        elif kind != "execute_input":
            outputs.append((kind, msg["content"]))
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    return reply["content"], outputs


def stdout_of(outputs):
    """The text the outputs printed on stdout."""
    return "".join(content["text"] for kind, content in outputs if kind == "stream" and content["name"] == "stdout")


def lesson_copy(tmp_path, name):
    """A copy of examples/NAME in tmp_path, with the coroutine-cells kernelspec (examples are not edited)."""
    nb = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    nb["metadata"].setdefault("kernelspec", dict(KERNELSPEC))
    path = tmp_path / name
    path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")
    return path


def comparable(outputs):
    """Outputs without what may differ between runs (PNG bytes), text joined from lists."""
    result = []
    for output in outputs:
        output = json.loads(json.dumps(output))
        if isinstance(output.get("text"), list):
            output["text"] = "".join(output["text"])
        data = output.get("data", {})
        data.pop("image/png", None)
        for mime, value in list(data.items()):
            if isinstance(value, list) and mime.startswith("text/"):
                data[mime] = "".join(value)
        result.append(output)
    return result


def env_without_node():
    """An environment in which no `node` can be found."""
    env = {key: value for key, value in os.environ.items() if key != "COROUTINE_CELLS_NODE"}
    env["PATH"] = str(Path(__file__).parent)  # a folder with no `node` in it
    return env
