"""nbgrader configuration for a course of TypeScript coroutine cells.

Run nbgrader from this folder (the course directory: source/, release/, submitted/, ...):

    nbgrader generate_assignment concurrent-downloads
    nbgrader autograde concurrent-downloads
    nbgrader generate_feedback concurrent-downloads

What is specific to coroutine cells:

- The lessons' kernelspec says ``"language": "typescript"``, so ``generate_assignment`` needs a
  TypeScript code stub; without one nbgrader refuses the notebook (and without the language it
  would put Python's ``raise NotImplementedError()`` in a TypeScript cell). The stub throws, so
  an untouched exercise fails its check cell instead of passing it silently.
- Solutions are marked ``// BEGIN SOLUTION`` ... ``// END SOLUTION`` and hidden checks
  ``// BEGIN HIDDEN TESTS`` ... ``// END HIDDEN TESTS`` (nbgrader looks for the words, so a
  ``//`` comment works).
- ``autograde`` executes the notebook with ``CoroutineCellsExecute`` (coroutine_cells_grader.py,
  beside this file) instead of nbgrader's ``Execute``: it runs the cells with the project's
  runner, and a graded cell with no output at all scores zero instead of full marks.
  ``c.CoroutineCellsExecute.engine = "kernel"`` (or ``--CoroutineCellsExecute.engine=kernel``)
  runs them instead with nbgrader's own ``Execute`` in the notebook's Jupyter kernel,
  ``coroutine-cells`` (installed with the package), with the same no-output rule.
"""
import os
import sys

from nbgrader.preprocessors import (
    AssignLatePenalties, CheckCellMetadata, IgnorePattern, LimitOutput, SaveAutoGrades,
)
from nbconvert.preprocessors import ClearMetadataPreprocessor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coroutine_cells_grader import CoroutineCellsExecute  # noqa: E402

c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.course_id = "coroutine-cells"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

c.ClearSolutions.code_stub = {
    "typescript": '// YOUR CODE HERE\nthrow new Error("not implemented");',
}

# nbgrader's autograde steps, with the coroutine-cells runner in place of Execute.
# "runner" (Node.js and this checkout) or "kernel" (the coroutine-cells Jupyter kernel).
c.CoroutineCellsExecute.engine = "runner"

c.Autograde.autograde_preprocessors = [
    CoroutineCellsExecute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
