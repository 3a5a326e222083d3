"""papermill's parameter translator for TypeScript (entry point ``papermill.translators``).

``papermill lesson.ipynb out.ipynb -p n 5 -p name Ann`` injects ``const n = 5;`` and
``const name = "Ann";``: a later top-level ``const`` replaces the parameters cell's default in a
coroutine notebook. The literals are the ones ``coroutine-cells execute -p`` writes (JSON).
"""
import json
import math

from papermill.translators import Translator


class TypeScriptTranslator(Translator):
    """Python values as TypeScript literals."""

    @classmethod
    def translate_none(cls, val):
        return "null"

    @classmethod
    def translate_escaped_str(cls, str_val):
        return json.dumps(str_val)

    @classmethod
    def translate_int(cls, val):
        return str(val)

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "NaN"
        if math.isinf(val):
            return "Infinity" if val > 0 else "-Infinity"
        return repr(val)

    @classmethod
    def translate_bool(cls, val):
        return "true" if val else "false"

    @classmethod
    def translate_dict(cls, val):
        entries = ", ".join(f"{json.dumps(str(key))}: {cls.translate(value)}" for key, value in val.items())
        return f"{{{entries}}}"

    @classmethod
    def translate_list(cls, val):
        return f"[{', '.join(cls.translate(value) for value in val)}]"

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def assign(cls, name, str_val):
        return f"const {name} = {str_val};"
