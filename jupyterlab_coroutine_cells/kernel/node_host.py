"""The kernel's Node process: starts ``runtime/kernel-host.cjs``, speaks its JSON-lines protocol.

A reader thread turns each stdout line into a message on a queue; the kernel sends requests with
:meth:`NodeHost.send`. The host runs in a process group of its own, so a SIGINT for the kernel
reaches only Python, which forwards it as an ``interrupt`` message.
"""
import json
import queue
import subprocess
import threading

from ..node_runtime import find_node, runtime_file

#: Protocol version expected from the host's ``ready`` message.
PROTOCOL_VERSION = "1"


class HostExited(RuntimeError):
    """The Node process ended (crashed or was killed)."""


class NodeHost:
    """One Node process serving the kernel-host protocol."""

    def __init__(self, log=None):
        self.log = log
        self.process = None
        self.messages = queue.Queue()
        self._next_id = 0
        self._lock = threading.Lock()

    def start(self, timeout=60):
        """Starts the process and waits for its ``ready`` message."""
        node = find_node()
        host = runtime_file("kernel-host.cjs")
        self.messages = queue.Queue()
        self.process = subprocess.Popen(
            [node, str(host)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,
            text=True,
            encoding="utf-8",
            bufsize=1,
            start_new_session=True,
        )
        threading.Thread(target=self._read, args=(self.process, self.messages), daemon=True).start()
        message = self.next_message(timeout)
        if message is None or message.get("type") != "ready":
            raise HostExited(f"the Node host did not start (got {message!r})")
        if message.get("version") != PROTOCOL_VERSION:
            raise HostExited(f"the Node host speaks protocol {message.get('version')}, the kernel {PROTOCOL_VERSION}")

    def _read(self, process, messages):
        for line in process.stdout:
            try:
                messages.put(json.loads(line))
            except ValueError:
                if self.log:
                    self.log.warning("coroutine-cells host wrote a non-JSON line: %r", line)
        messages.put({"type": "exited", "code": process.wait()})

    def new_id(self):
        """A fresh request id."""
        self._next_id += 1
        return self._next_id

    def send(self, message):
        """Writes one message; raises HostExited if the process is gone."""
        if self.process is None or self.process.poll() is not None:
            raise HostExited("the Node host is not running")
        with self._lock:
            try:
                self.process.stdin.write(json.dumps(message) + "\n")
                self.process.stdin.flush()
            except (BrokenPipeError, OSError) as error:
                raise HostExited(f"the Node host is gone ({error})") from None

    def next_message(self, timeout):
        """The next message from the host, or None after `timeout` seconds."""
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            return None

    def interrupt(self):
        """Asks the host to interrupt the running cell (never raises)."""
        try:
            self.send({"type": "interrupt"})
        except HostExited:
            pass

    def stop(self):
        """Ends the process (closing stdin lets it exit by itself; then it is killed)."""
        process, self.process = self.process, None
        if process is None:
            return
        try:
            process.stdin.close()
            process.wait(timeout=3)
        except Exception:  # noqa: BLE001 - whatever happened, make sure it is gone
            process.kill()
            process.wait()
