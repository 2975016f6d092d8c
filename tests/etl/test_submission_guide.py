"""The data officer's guide explains every refusal the loader can give.

docs/submissions.md must name every row reason code (etl/problems.py) and every file problem
code raised anywhere in etl/, so a submitter who meets a code in a report finds it explained.
"""

from __future__ import annotations

import ast
from pathlib import Path

from etl.problems import ROW_REASONS

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "submissions.md"


def file_problem_codes() -> set[str]:
    """The code (second argument) of every FileProblem(...) written in etl/."""
    codes = set()
    for path in (ROOT / "etl").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "FileProblem" \
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                codes.add(node.args[1].value)
    return codes


def test_every_row_reason_is_explained_in_the_guide() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert [code for code in ROW_REASONS if f"`{code}`" not in guide] == []


def test_every_file_problem_is_explained_in_the_guide() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    codes = file_problem_codes()
    assert {"corrupt_json", "manifest_incomplete", "unknown_consortium"} <= codes
    assert sorted(code for code in codes if f"`{code}`" not in guide) == []
