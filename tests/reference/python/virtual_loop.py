"""A CPython 3.11 asyncio event loop on a virtual clock (standard library only).

It is the default selector event loop with two changes: ``time()`` reads a virtual clock that
starts at 0, and the selector never sleeps: when ``_run_once`` would wait for the next timer, the
selector jumps the clock straight to that timer's deadline (trio's "autojump"). Everything else
(ready queue, timer heap with its tie order, lazy deletion of cancelled timers) is CPython's own
code, so the event order is exactly what ``asyncio.run`` would give on a real clock with the same
deadlines.
"""

import asyncio
import selectors


class DeadlockError(RuntimeError):
    """Nothing is ready, no timer is scheduled, and the run is not finished."""


class _AutojumpSelector(selectors.SelectSelector):
    """A selector whose ``select(timeout)`` jumps the virtual clock instead of waiting."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        loop = self.loop
        if timeout is None:
            # _run_once passes None only when nothing is ready and no timer exists.
            raise DeadlockError("deadlock: every task waits and no timer is scheduled")
        if timeout > 0 and loop._scheduled:
            # Jump to the earliest live deadline exactly (not now + timeout: that could be one
            # ulp off and miss the `when < now + resolution` test in _run_once).
            loop._virtual_now = max(loop._virtual_now, loop._scheduled[0]._when)
        return []


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """An asyncio loop whose clock is virtual and jumps to the next timer."""

    def __init__(self):
        selector = _AutojumpSelector()
        self._virtual_now = 0.0
        super().__init__(selector)
        selector.loop = self

    def time(self):
        return self._virtual_now
