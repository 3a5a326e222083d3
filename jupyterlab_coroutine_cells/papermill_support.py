"""papermill support: a parameter translator for TypeScript and an engine for mixed notebooks.

``papermill lesson.ipynb out.ipynb -p n 5 -p name Ann`` injects ``const n = 5;`` and
``const name = "Ann";``: a later top-level ``const`` replaces the parameters cell's default in a
coroutine notebook, which papermill runs through the ``coroutine-cells`` kernel. The literals are
the ones ``coroutine-cells execute -p`` writes (JSON).

papermill 2.x loads engines from entry points (``papermill.engine``) but has a fixed list of
translators, so this module registers the translator when papermill loads the engine
``coroutine-cells``; that engine (``--engine coroutine-cells``) also runs a mixed notebook (Python
kernel + coroutine cells) with coroutine cells in the runtime, as the preprocessor does.
"""
import json
import math

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine
from papermill.log import logger
from papermill.translators import Translator, papermill_translators
from papermill.utils import merge_kwargs, remove_args

from .preprocessor import CoroutineCellsMixin


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


class CoroutineCellsPapermillClient(CoroutineCellsMixin, PapermillNotebookClient):
    """papermill's client with coroutine cells run in the runtime."""

    def execute(self, **kwargs):
        try:
            return super().execute(**kwargs)
        finally:
            self._stop_host()


class CoroutineCellsEngine(NBClientEngine):
    """``papermill --engine coroutine-cells``: coroutine cells in the runtime, the rest in the kernel."""

    @classmethod
    def execute_managed_notebook(
        cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None, start_timeout=60,
        execution_timeout=None, **kwargs,
    ):
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        return CoroutineCellsPapermillClient(nb_man, **final_kwargs).execute()


papermill_translators.register("typescript", TypeScriptTranslator)
