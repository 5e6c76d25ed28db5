"""One way to run work off the main thread (ARCHITECTURE.md, "How work leaves the main
thread"): a screen runs a StoreOp, a QueryOp or an OpQueue of them (ui/ops.py), never
TaskManager's run_* methods, which are not counted in flight and tell no view what changed.
An AST scan of ui/, like the translation-bypass tests: a call, or a method handed on as a
runner (`tasks.run_io` given to a widget), both count."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN_METHODS = {"run_in_store", "run_io", "run_periodic"}
# ui/ops.py is the one way itself, ui/tasks.py defines the methods.
THROUGH = {"ui/ops.py", "ui/tasks.py"}
# A direct use that must stay, by file and the function it is in, with the reason. None today:
# add one only with a comment in the code saying why an operation cannot do it.
# calls made on a worker thread, where an operation (a QObject of the main thread) cannot be
# built: the store worker hands a packed order's label to the io pool at once, and the io
# pool queues a finished clip's index row behind the scans on the store worker
ALLOWED: set[tuple[str, str]] = {("ui/pack_bench.py", "_label_at_once"),
                                 ("ui/station_parts.py", "close_and_index")}


def direct_uses(source: str) -> list[tuple[int, str, str]]:
    """(line, enclosing function, method) for each `x.run_in_store` / `run_io` /
    `run_periodic` in the source."""
    found: list[tuple[int, str, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Attribute) and node.attr in RUN_METHODS:
            found.append((node.lineno, function, node.attr))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source), "<module>")
    return found


def test_no_screen_calls_the_task_manager_directly():
    bypasses = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in THROUGH:
            continue
        for line, function, method in direct_uses(path.read_text(encoding="utf-8")):
            if (name, function) not in ALLOWED:
                bypasses.append(f"{name}:{line} {function}() uses TaskManager.{method}")
    assert not bypasses, ("run these as ui/ops.py StoreOp/QueryOp operations:\n"
                          + "\n".join(bypasses))


def test_the_scan_finds_a_call_and_a_runner_handed_on():
    """The scan itself: it sees a call, a method passed as a value, and names the function."""
    source = ("def refresh(self):\n"
              "    self.tasks.run_in_store(work, done)\n"
              "def build(tasks):\n"
              "    return Widget(tasks.run_io)\n"
              "x = tasks.run_periodic\n"
              "def fine(self):\n"
              "    QueryOp(self, self.tasks, work).run_in_background()\n")
    assert direct_uses(source) == [(2, "refresh", "run_in_store"), (4, "build", "run_io"),
                                   (5, "<module>", "run_periodic")]
