"""The ``coroutine-cells`` kernel: Jupyter's messaging protocol in front of the Node host.

Cells run in the project's own runtime (``runtime/kernel-host.cjs``: the same compiler, scheduler,
runtime and chart as JupyterLab's browser worker), one Node worker_thread per session, so state
persists across cells exactly as in the browser. SIGINT (the kernelspec's interrupt mode) cancels
the running cell's tasks; a cell stuck in synchronous code has its execution context replaced
within 2 s, the kernel keeps serving and says that the declarations are gone.
"""
import asyncio
import inspect
import json
import signal
import threading

from ipykernel.kernelbase import Kernel

from .. import __version__
from ..node_runtime import RUNTIME_DIR
from .language import Language, is_complete
from .node_host import HostExited, NodeHost

#: The kernel's language_info (the same as a coroutine notebook's).
LANGUAGE_INFO = {
    "name": "typescript",
    "version": "5.9",
    "mimetype": "text/typescript",
    "file_extension": ".ts",
    "codemirror_mode": "typescript",
    "pygments_lexer": "typescript",
}

#: Stream text is flushed to the frontend at most this often (seconds), as ipykernel does.
STREAM_FLUSH_S = 0.2


def _typescript_version():
    try:
        return json.loads((RUNTIME_DIR / "info.json").read_text(encoding="utf-8"))["typescript"]
    except (OSError, ValueError, KeyError):
        return LANGUAGE_INFO["version"]


class CoroutineCellsKernel(Kernel):
    """TypeScript coroutine cells (asyncio-style tasks on a virtual clock, with a timing chart)."""

    implementation = "coroutine-cells"
    implementation_version = __version__
    language = "typescript"
    language_version = _typescript_version()
    language_info = {**LANGUAGE_INFO, "version": language_version}
    banner = (
        f"coroutine-cells {__version__}: TypeScript coroutine cells (TypeScript {language_version}) on an "
        "asyncio-style scheduler; every cell ends with a timing chart of its tasks"
    )
    help_links = []

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.shell_handlers = _GuardedHandlers(self, self.shell_handlers)
        self.host = NodeHost(self.log)
        self.host.start()
        self.language_tools = Language()

    # --- execute -------------------------------------------------------------------------------

    async def execute_request(self, stream, ident, parent):
        """ipykernel's, but a request without code gets an error reply instead of only a log line."""
        content = parent.get("content")
        if not isinstance(content, dict) or not isinstance(content.get("code"), str):
            evalue = f"execute_request needs content.code (a string), got {type(content).__name__} {content!r:.200}"
            self.send_error_reply(stream, ident, parent, "execute_request", "MalformedMessage", evalue)
            return
        if not isinstance(parent.get("metadata"), dict):
            parent["metadata"] = {}
        await super().execute_request(stream, ident, parent)

    async def do_execute(
        self, code, silent, store_history=True, user_expressions=None, allow_stdin=False, *, cell_meta=None, cell_id=None
    ):
        count = self.execution_count
        if not code.strip():
            return self._ok(count)
        self.language_tools.remember(code)
        request_id = self.host.new_id()
        request = {"type": "run", "id": request_id, "source": code, "cellLabel": f"In[{count}]", "executionCount": count}
        try:
            self.host.send(request)
        except HostExited:
            self._restart_host()
            self.host.send(request)
        restore = self._forward_sigint()
        try:
            status, error = await self._collect(request_id, silent)
        finally:
            restore()
        if status == "ok":
            return self._ok(count)
        error = error or {"ename": "KeyboardInterrupt", "evalue": "", "traceback": ["KeyboardInterrupt"]}
        return {"status": "error", "execution_count": count, **error}

    async def _collect(self, request_id, silent):
        """Publishes the cell's outputs until it is done; returns (status, last error content).

        Stream text is sent at most every STREAM_FLUSH_S seconds, consecutive text of one stream
        as one message (as ipykernel flushes its streams), so a notebook stores it as JupyterLab does.
        """
        loop = asyncio.get_running_loop()
        error = None
        pending = None  # [name, text, monotonic time of the first chunk]

        def flush():
            nonlocal pending
            if pending is not None and not silent:
                self._publish({"output_type": "stream", "name": pending[0], "text": pending[1]})
            pending = None

        while True:
            message = await loop.run_in_executor(None, self.host.next_message, STREAM_FLUSH_S / 4)
            if pending is not None and loop.time() - pending[2] >= STREAM_FLUSH_S:
                flush()
            if message is None:
                continue
            kind = message.get("type")
            if kind == "output" and message.get("id") == request_id:
                output = message["output"]
                if output.get("output_type") == "stream":
                    if pending is not None and pending[0] == output["name"]:
                        pending[1] += output["text"]
                    else:
                        flush()
                        pending = [output["name"], output["text"], loop.time()]
                    continue
                flush()
                if output.get("output_type") == "error":
                    error = {key: output[key] for key in ("ename", "evalue", "traceback")}
                if not silent:
                    self._publish(output)
            elif kind == "done" and message.get("id") == request_id:
                flush()
                return message.get("status", "error"), error
            elif kind == "exited":
                flush()
                error = {
                    "ename": "RuntimeRestarted",
                    "evalue": f"the Node.js process of the kernel ended (exit code {message.get('code')}); it was "
                    "restarted: the notebook's coroutine declarations from earlier cells are gone",
                }
                error["traceback"] = [f"\x1b[0;31mRuntimeRestarted\x1b[0m: {error['evalue']}"]
                if not silent:
                    self._publish({"output_type": "error", **error})
                self._restart_host()
                return "error", error
            elif kind == "protocol-error":
                self.log.error("coroutine-cells host: %s", message.get("message"))

    def _publish(self, output):
        kind = output.get("output_type")
        if kind == "stream":
            self.send_response(self.iopub_socket, "stream", {"name": output["name"], "text": output["text"]})
        elif kind == "display_data":
            content = {"data": output["data"], "metadata": output.get("metadata", {}), "transient": {}}
            self.send_response(self.iopub_socket, "display_data", content)
        elif kind == "execute_result":
            content = {"execution_count": self.execution_count, "data": output["data"], "metadata": output.get("metadata", {})}
            self.send_response(self.iopub_socket, "execute_result", content)
        elif kind == "error":
            content = {key: output[key] for key in ("ename", "evalue", "traceback")}
            self.send_response(self.iopub_socket, "error", content)

    def _ok(self, count):
        return {"status": "ok", "execution_count": count, "payload": [], "user_expressions": {}}

    def _forward_sigint(self):
        """While a cell runs, SIGINT (Jupyter's interrupt) interrupts it; returns the undo."""
        if threading.current_thread() is not threading.main_thread():
            return lambda: None
        previous = signal.signal(signal.SIGINT, lambda *_: self.host.interrupt())
        return lambda: signal.signal(signal.SIGINT, previous)

    def _restart_host(self):
        self.host.stop()
        self.language_tools.forget()
        self.host.start()

    # --- everything else -----------------------------------------------------------------------

    @property
    def kernel_info(self):
        """ipykernel's, without features this kernel lacks (no debugger, no subshells: one runtime)."""
        return {**super().kernel_info, "supported_features": []}

    def do_is_complete(self, code):
        status = is_complete(code)
        return {"status": status, "indent": "  " if status == "incomplete" else ""}

    def do_complete(self, code, cursor_pos):
        cursor_pos = len(code) if cursor_pos is None else cursor_pos
        return self.language_tools.complete(code, cursor_pos)

    def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        cursor_pos = len(code) if cursor_pos is None else cursor_pos
        return self.language_tools.inspect(code, cursor_pos)

    def do_shutdown(self, restart):
        self.host.stop()
        return {"status": "ok", "restart": restart}

    def send_error_reply(self, stream, idents, parent, msg_type, ename, evalue):
        """Answers a request that could not be handled with an error reply (never a silence)."""
        reply_type = msg_type[: -len("_request")] + "_reply" if msg_type.endswith("_request") else f"{msg_type}_reply"
        content = {"status": "error", "ename": ename, "evalue": evalue, "traceback": [f"{ename}: {evalue}"]}
        self.session.send(stream, reply_type, content, parent, ident=idents)


class _GuardedHandlers(dict):
    """The shell handlers, each answering with an error reply when it fails; unknown types too."""

    def __init__(self, kernel, handlers):
        super().__init__(handlers)
        self.kernel = kernel

    def get(self, msg_type, default=None):
        handler = super().get(msg_type)
        kernel = self.kernel

        async def guarded(stream, idents, msg):
            if handler is None:
                kernel.log.warning("Unknown message type: %r", msg_type)
                evalue = f"the coroutine-cells kernel does not know the message type {msg_type!r}"
                kernel.send_error_reply(stream, idents, msg, msg_type, "UnknownMessageType", evalue)
                return
            try:
                result = handler(stream, idents, msg)
                if inspect.isawaitable(result):
                    await result
            except Exception as error:  # noqa: BLE001 - a bad message must not go unanswered
                kernel.log.error("coroutine-cells kernel: %s failed", msg_type, exc_info=True)
                evalue = f"{msg_type} could not be handled ({type(error).__name__}: {error}); is its content complete?"
                kernel.send_error_reply(stream, idents, msg, msg_type, "MalformedMessage", evalue)

        return guarded
