"""What the kernel answers without running code: is a cell complete, completions, inspection.

Completions and inspection come from the cell API (its names and doc comments, extracted at build
time into ``runtime/api-docs.json``) and from the names the session's cells declared.
"""
import json
import re

from ..node_runtime import RUNTIME_DIR

_PAIRS = {")": "(", "]": "[", "}": "{"}
_DECLARATION = re.compile(
    r"^\s*(?:export\s+)?(?:(?:async\s+)?function\*?|class|const|let|var|enum|interface|type)\s+([A-Za-z_$][\w$]*)",
    re.MULTILINE,
)
_IDENTIFIER_END = re.compile(r"[A-Za-z_$][\w$]*$")
_IDENTIFIER_CHAR = re.compile(r"[\w$]")


def is_complete(code):
    """``complete``, ``incomplete`` (an open bracket, string, template or comment) or ``invalid``."""
    stack = []
    i, n = 0, len(code)
    while i < n:
        ch = code[i]
        if ch in "\"'":
            end = _string_end(code, i, ch)
            if end is None:
                return "invalid" if "\n" not in code[i:] else "incomplete"
            i = end
        elif ch == "`":
            end = _string_end(code, i, "`")
            if end is None:
                return "incomplete"
            i = end
        elif code.startswith("//", i):
            newline = code.find("\n", i)
            i = n if newline < 0 else newline
        elif code.startswith("/*", i):
            close = code.find("*/", i + 2)
            if close < 0:
                return "incomplete"
            i = close + 1
        elif ch in "([{":
            stack.append(ch)
        elif ch in ")]}":
            if not stack or stack.pop() != _PAIRS[ch]:
                return "invalid"
        i += 1
    if stack:
        return "incomplete"
    stripped = code.rstrip()
    # A line ending in a binary operator, a comma or `=>` goes on.
    if stripped.endswith(("=>", "=", "+", "-", "*", "/", "&&", "||", "??", ",", ".", "?", ":")) and not stripped.endswith(("++", "--")):
        return "incomplete"
    return "complete"


def _string_end(code, start, quote):
    """The index of the closing quote of the string starting at `start`, or None."""
    i = start + 1
    while i < len(code):
        ch = code[i]
        if ch == "\\":
            i += 2
            continue
        if ch == quote:
            return i
        if ch == "\n" and quote != "`":
            return None
        i += 1
    return None


class Language:
    """The cell API's names and docs plus the declarations of the cells run so far."""

    def __init__(self):
        self.api = _load_api_docs()
        self.declared = {}

    def remember(self, code):
        """Records the top-level names a cell declares (for completion)."""
        for match in _DECLARATION.finditer(code):
            self.declared[match.group(1)] = match.group(0).strip()

    def forget(self):
        """The session's declarations are gone (restart)."""
        self.declared.clear()

    def complete(self, code, cursor_pos):
        """Names starting with the identifier before the cursor."""
        prefix_match = _IDENTIFIER_END.search(code[:cursor_pos])
        prefix = prefix_match.group(0) if prefix_match else ""
        start = cursor_pos - len(prefix)
        names = sorted({*self.api, *self.declared, *_keywords()})
        matches = [name for name in names if name.startswith(prefix)]
        return {"matches": matches, "cursor_start": start, "cursor_end": cursor_pos, "metadata": {}, "status": "ok"}

    def inspect(self, code, cursor_pos):
        """The doc of the name at the cursor, or found=False."""
        start = cursor_pos
        while start > 0 and _IDENTIFIER_CHAR.match(code[start - 1]):
            start -= 1
        end = cursor_pos
        while end < len(code) and _IDENTIFIER_CHAR.match(code[end]):
            end += 1
        name = code[start:end]
        if name in self.api:
            entry = self.api[name]
            text = f"{entry['signature']}\n\n{entry['doc']}".strip()
        elif name in self.declared:
            text = f"{self.declared[name]}\n\n(declared by a cell of this notebook)"
        else:
            return {"status": "ok", "found": False, "data": {}, "metadata": {}}
        return {"status": "ok", "found": True, "data": {"text/plain": text}, "metadata": {}}


def _load_api_docs():
    try:
        return json.loads((RUNTIME_DIR / "api-docs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _keywords():
    return (
        "async", "await", "break", "case", "catch", "class", "const", "continue", "default", "else",
        "export", "false", "finally", "for", "function", "if", "import", "let", "new", "null", "of",
        "return", "switch", "this", "throw", "true", "try", "typeof", "undefined", "using", "var", "while",
    )
