"""Helpers the Python scenarios share: the trace line printer and an exception formatter.

Their TypeScript twins are in ../scenarios/prelude.ts; both sides must format identically.
"""

import asyncio

lines = []


def log(msg, loop=None):
    """Records one trace line: the loop's virtual time with 3 decimals, a space, the message.

    Pass ``loop`` where no loop is running (an exception handler called during shutdown).
    """
    loop = loop or asyncio.get_running_loop()
    lines.append(f"{loop.time():.3f} {msg}")


def fmt(exc):
    """`Name('message')`, `Name()` without message; groups as `Name('str(eg)', [subs])`.

    For a group the message is ``str(eg)``, e.g. "unhandled errors in a TaskGroup (1 sub-exception)",
    which is what the TypeScript ExceptionGroup's ``message`` holds.
    """
    name = type(exc).__name__
    if isinstance(exc, BaseExceptionGroup):
        subs = ", ".join(fmt(e) for e in exc.exceptions)
        return f"{name}('{exc}', [{subs}])"
    msg = str(exc)
    return f"{name}('{msg}')" if msg else f"{name}()"


def names(tasks):
    """The sorted names of a collection of tasks, as `[a, b]`."""
    return "[" + ", ".join(sorted(t.get_name() for t in tasks)) + "]"
