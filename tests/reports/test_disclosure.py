"""The public edition's disclosure rules hold at their boundaries, and no hidden cell can be pinned.

Rules as written in docs/disclosure-control.md: counts of people 1-4 shown as "<5" (0 and 5
shown), rates over fewer than 10 people withheld, secondary suppression so that no hidden cell
can be worked out from a total. The last test attacks random tables by brute force, reasoning
the way a reader who knows the rules would, independently of the implementation.
"""

from __future__ import annotations

import itertools

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.disclosure import RULES, DisclosureRules, protect

PERIOD = "2025-Q2"
PEOPLE = "active_students"
RATE = "employment_rate_6m"
PAPERS = "acknowledged_publications"


def row(kpi_id: str, consortium_id: str, value: float | None, numerator: float | None = None,
        denominator: float | None = None) -> dict:
    return {"period": PERIOD, "kpi_id": kpi_id, "consortium_id": consortium_id, "value": value,
            "numerator": numerator, "denominator": denominator, "projected_value": value,
            "status": "on_track"}


def rate(consortium_id: str, numerator: float, denominator: float) -> dict:
    value = 100 * numerator / denominator if denominator else None
    return row(RATE, consortium_id, value, numerator, denominator)


def shown(rows: list[dict]) -> dict[tuple[str, str], dict]:
    frame = protect(pl.DataFrame(rows, infer_schema_length=None))
    return {(r["kpi_id"], r["consortium_id"]): r for r in frame.iter_rows(named=True)}


def mark(cell: dict, column: str = "value") -> str | float | None:
    """What the public edition prints for a cell: its mark, or its value (whole numbers as int)."""
    value = RULES.mark(cell[f"{column}_flag"]) or cell[column]
    return int(value) if isinstance(value, float) and value.is_integer() else value


@pytest.mark.parametrize(("count", "printed"), [(0, 0), (1, "<5"), (4, "<5"), (5, 5)])
def test_counts_of_people_at_the_boundaries(count: int, printed: object) -> None:
    assert mark(shown([row(PEOPLE, "ALL", count)])[(PEOPLE, "ALL")]) == printed


def test_counts_of_papers_are_shown_exactly() -> None:
    assert mark(shown([row(PAPERS, "ALL", 1)])[(PAPERS, "ALL")]) == 1


@pytest.mark.parametrize(("numerator", "denominator", "withheld"), [
    (5, 9, True), (5, 10, False), (38, 40, True), (35, 40, False), (1, 40, True)])
def test_rates_are_withheld_under_ten_people_or_when_a_small_count_shows_through(
        numerator: int, denominator: int, withheld: bool) -> None:
    cell = shown([rate("ALL", numerator, denominator)])[(RATE, "ALL")]
    assert (cell["value_flag"] is not None) is withheld
    assert (cell["numerator_flag"] is not None) is withheld, "rate x n gives the numerator back"


def test_a_withheld_rate_keeps_a_denominator_of_five_or_more() -> None:
    cell = shown([rate("ALL", 6, 8)])[(RATE, "ALL")]
    assert (mark(cell), mark(cell, "numerator"), mark(cell, "denominator")) == ("x", "x", 8)


def test_a_rate_with_nobody_counted_is_no_data_and_withholds_nothing() -> None:
    cell = shown([rate("ALL", 0, 0)])[(RATE, "ALL")]
    assert cell["value"] is None
    assert (cell["numerator_flag"], cell["denominator_flag"]) == (None, None)


def test_a_withheld_value_withholds_its_projection_and_status() -> None:
    cell = shown([row(PEOPLE, "ALL", 3)])[(PEOPLE, "ALL")]
    assert (cell["projected_value"], cell["status"]) == (None, None)


# The examples of docs/disclosure-control.md: consortia, total, what the public edition prints.
DOCUMENTED = [
    ([0, 7, 12], 19, [0, 7, 12, 19]),
    ([1, 7, 12], 20, ["<5", "x", 12, 20]),
    ([3, 4], 7, ["<5", "<5", 7]),
    ([4, 4], 8, ["<5", "<5", "x"]),
    ([1, 1], 2, ["<5", "<5", "<5"]),
    ([4, 4, 0], 8, ["<5", "<5", "x", 8]),
    ([1, 5, 9], 15, ["<5", 5, "x", 15]),
]


@pytest.mark.parametrize(("parts", "total", "printed"), DOCUMENTED)
def test_secondary_suppression_follows_the_documented_examples(
        parts: list[int], total: int, printed: list[object]) -> None:
    ids = [f"c{i}" for i in range(len(parts))]
    cells = shown([row(PEOPLE, c, v) for c, v in zip(ids, parts, strict=True)]
                  + [row(PEOPLE, "ALL", total)])
    assert [mark(cells[(PEOPLE, c)]) for c in [*ids, "ALL"]] == printed


def test_a_hidden_masters_count_cannot_be_worked_out_from_all_students() -> None:
    cells = shown([row("active_students", "ALL", 12), row("active_ms_students", "ALL", 3),
                   row("active_phd_students", "ALL", 9)])
    assert mark(cells[("active_ms_students", "ALL")]) == "<5"
    assert mark(cells[("active_phd_students", "ALL")]) == "x", "12 - 9 would give the 3"


def test_a_hidden_numerator_cannot_be_worked_out_from_the_program_total() -> None:
    cells = shown([rate("a", 2, 4), rate("b", 30, 35), rate("ALL", 32, 39)])
    assert mark(cells[(RATE, "a")], "numerator") == "<5"
    assert mark(cells[(RATE, "b")], "numerator") == "x", "32 - 30 would give the 2"


def test_the_threshold_is_read_from_the_rules() -> None:
    strict = DisclosureRules(min_count=10)
    frame = protect(pl.DataFrame([row(PEOPLE, "ALL", 7)]), strict)
    assert frame.item(0, "value_flag") == "small"
    assert strict.small_mark == "<10"


def feasible_values(printed: list[object], total: object, limit: int) -> list[set[int]]:
    """Every value each hidden part can take, for a reader who knows the rules (brute force)."""
    def domain(cell: object) -> range | list[int]:
        if cell == "<5":
            return range(1, 5)
        if cell == "x":
            return [0, *range(5, limit + 1)]
        return [int(cell)]

    seen: list[set[int]] = [set() for _ in printed]
    for values in itertools.product(*(domain(c) for c in printed)):
        whole = sum(values)
        fits = (whole == total if isinstance(total, int)
                else (1 <= whole <= 4 if total == "<5" else whole == 0 or whole >= 5))
        if fits:
            for i, v in enumerate(values):
                seen[i].add(v)
    return seen


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=9), min_size=2, max_size=3))
def test_no_hidden_count_can_be_pinned_down_from_the_program_total(parts: list[int]) -> None:
    ids = [f"c{i}" for i in range(len(parts))]
    cells = shown([row(PEOPLE, c, v) for c, v in zip(ids, parts, strict=True)]
                  + [row(PEOPLE, "ALL", sum(parts))])
    printed = [mark(cells[(PEOPLE, c)]) for c in ids]
    total = mark(cells[(PEOPLE, "ALL")])
    assert not any(isinstance(v, int) and 1 <= v <= 4 for v in [*printed, total])
    if all(isinstance(v, str) for v in [*printed, total]):
        return  # everything withheld: nothing left to hide (see the limits in the docs)
    for cell, values in zip(printed, feasible_values(printed, total, 9 * len(parts)),
                            strict=True):
        if isinstance(cell, str):
            assert len(values) >= 2, f"{parts} printed as {printed} / {total}"


def test_a_part_that_protects_the_hidden_cell_is_hidden_instead_of_the_program_total() -> None:
    # 4 + 4 + 0 = 8 pins both fours; withholding the 0 (now 0 or 5+) leaves 4+4, 2+1, 1+2, 1+1
    cells = shown([row(PEOPLE, "a", 4), row(PEOPLE, "b", 4), row(PEOPLE, "c", 0),
                   row(PEOPLE, "ALL", 8)])
    assert mark(cells[(PEOPLE, "ALL")]) == 8
    assert mark(cells[(PEOPLE, "c")]) == "x"
    printed = [mark(cells[(PEOPLE, c)]) for c in "abc"]
    assert all(len(v) >= 2 for v in feasible_values(printed, 8, 20))


def test_the_next_smallest_part_that_protects_is_preferred_to_hiding_two() -> None:
    # hiding the 5 alone leaves 1 + 5 = 6 with one answer; hiding the 9 alone protects the 1
    cells = shown([row(PEOPLE, "a", 1), row(PEOPLE, "b", 5), row(PEOPLE, "c", 9),
                   row(PEOPLE, "ALL", 15)])
    assert [mark(cells[(PEOPLE, c)]) for c in ("a", "b", "c", "ALL")] == ["<5", 5, "x", 15]
