"""Statistical disclosure control for the public edition: the rules, in one place, as code.

The rules are written down for readers in docs/disclosure-control.md; this module is their only
implementation, and RULES its only configuration. In short:

1. A count of people from 1 to `min_count - 1` is shown as "<5" (0 and larger counts are shown).
2. A rate over people is hidden ("x") when its denominator is under `min_rate_denominator`, when
   its numerator is hidden, or when the people it leaves out (denominator - numerator) are a
   small count; a hidden rate hides its numerator too, since rate x n gives it back.
3. Secondary suppression: wherever parts add up to a shown total (consortia to the program,
   Masters + PhD to all students), the hidden cells of that sum must each keep at least two
   possible values for a reader who knows these rules; otherwise a part is hidden as well: the
   smallest shown part (a zero too) whose hiding alone makes the sum safe, else the smallest
   non-zero shown part; the total only when no part is left, and so on until every sum is safe.
   Hiding a part protects the hidden cell as well as hiding the total would, and the total (the
   program-wide figure) is what most readers come for.
4. A hidden value hides its projection and status, which are worked out from it.

Everything here is pure: frames in, frames out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import polars as pl

from warehouse import catalogue

PROGRAM = "ALL"
COUNT_COLUMNS = ("value", "numerator", "denominator")
FLAG = {column: f"{column}_flag" for column in COUNT_COLUMNS}
SMALL, HIDDEN = "small", "hidden"


@dataclass(frozen=True)
class DisclosureRules:
    """The thresholds of the public edition."""

    #: counts of people from 1 to min_count - 1 are shown as "<min_count"
    min_count: int = 5
    #: a rate over fewer people than this is not shown
    min_rate_denominator: int = 10
    hidden_mark: str = "x"

    @property
    def small_mark(self) -> str:
        """How a small count is shown."""
        return f"<{self.min_count}"

    def mark(self, flag: str | None) -> str | None:
        """The text shown instead of a hidden value."""
        return {SMALL: self.small_mark, HIDDEN: self.hidden_mark}.get(flag or "")

    def as_dict(self) -> dict[str, object]:
        """The rules as plain data (for the manifest)."""
        return {"min_count": self.min_count, "min_rate_denominator": self.min_rate_denominator,
                "small_mark": self.small_mark, "hidden_mark": self.hidden_mark}


#: The one place the public edition's thresholds are set.
RULES = DisclosureRules()

Key = tuple[str, str, str, str]  # (period, kpi_id, consortium_id, column)


@dataclass
class Relation:
    """Parts that add up to a total: consortia to the program, or sub-KPIs to their KPI."""

    parts: list[Key]
    total: Key


@dataclass
class _Table:
    values: dict[Key, float]
    flags: dict[Key, str] = field(default_factory=dict)

    def shown(self, key: Key) -> bool:
        return key in self.values and key not in self.flags

    def hide(self, key: Key, flag: str = HIDDEN) -> bool:
        if key not in self.values or key in self.flags:
            return False
        self.flags[key] = flag
        return True


def is_small(count: float | None, rules: DisclosureRules = RULES) -> bool:
    """A count that must be shown as "<5"."""
    return count is not None and 0 < count < rules.min_count


Span = tuple[float, float]  # whole numbers from low to high (high may be infinite)


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _add(left: list[Span], right: list[Span]) -> list[Span]:
    return _merge((a + c, b + d) for a, b in left for c, d in right)


def _negate(spans: list[Span]) -> list[Span]:
    return _merge((-high, -low) for low, high in spans)


def _possible(table: _Table, key: Key, rules: DisclosureRules) -> list[Span]:
    """What a reader who knows the rules can say about a cell: its value, or its range."""
    flag = table.flags.get(key)
    if flag is None:
        return [(table.values[key], table.values[key])]
    if flag == SMALL:
        return [(1, rules.min_count - 1)]
    return [(0, 0), (rules.min_count, math.inf)]  # hidden counts are never 1-4 (those are "<5")


def _count(spans: list[Span], within: list[Span]) -> float:
    """How many whole numbers lie in both sets of spans."""
    total = 0.0
    for a, b in spans:
        for c, d in within:
            low, high = max(a, c), min(b, d)
            if math.isinf(low) or math.isinf(high):
                return math.inf if high >= low else total
            if math.floor(high) >= math.ceil(low):
                total += math.floor(high) - math.ceil(low) + 1
    return total


def exposed_cells(table: _Table, relation: Relation, rules: DisclosureRules) -> list[Key]:
    """Hidden cells of a relation that a reader can pin to a single value (or to none)."""
    if relation.total not in table.values:
        return []
    terms = [(key, 1) for key in relation.parts if key in table.values]
    terms.append((relation.total, -1))
    exposed = []
    for key, sign in terms:
        if key not in table.flags:
            continue
        others: list[Span] = [(0, 0)]  # every sum the other signed terms can make
        for other, other_sign in terms:
            if other != key:
                spans = _possible(table, other, rules)
                others = _add(others, spans if other_sign > 0 else _negate(spans))
        # sign * x + others = 0, so x lies in -others (sign +1) or in others (sign -1)
        implied = _negate(others) if sign > 0 else others
        if _count(_possible(table, key, rules), implied) < 2:
            exposed.append(key)
    return exposed


def _secondary_candidate(table: _Table, relation: Relation,
                         rules: DisclosureRules) -> Key | None:
    """The cell to hide next, keeping the total wherever a part protects as well.

    First the smallest shown part (a zero included) whose hiding alone leaves every hidden cell
    of the relation at least two possible values, which is all that hiding the total would
    achieve; else the smallest non-zero shown part, and the relation is checked again; the total
    only when no shown part is left to hide.
    """
    shown = sorted((k for k in relation.parts if table.shown(k)),
                   key=lambda k: (table.values[k], k))
    for key in shown:
        trial = _Table(table.values, {**table.flags, key: HIDDEN})
        if not exposed_cells(trial, relation, rules):
            return key
    nonzero = [k for k in shown if table.values[k] > 0]
    if nonzero:
        return nonzero[0]
    return relation.total if table.shown(relation.total) else None


def _apply_rate_rules(table: _Table, rates: Iterable[tuple[str, str, str]],
                      rules: DisclosureRules) -> bool:
    """Hide rates that would give a protected count back; True if anything changed."""
    changed = False
    for period, kpi_id, consortium_id in rates:
        value, num, den = ((period, kpi_id, consortium_id, c) for c in COUNT_COLUMNS)
        n, k = table.values.get(den), table.values.get(num)
        if not n and den not in table.flags:
            continue  # nobody counted: the rate is "no data" and gives nothing away
        must_hide = (n < rules.min_rate_denominator or num in table.flags
                     or den in table.flags or (k is not None and is_small(n - k, rules)))
        if must_hide:
            changed |= table.hide(value)
            changed |= table.hide(num)
    return changed


def relations_for(frame: pl.DataFrame) -> list[Relation]:
    """Every sum in a scorecard frame that a reader could use to work out a hidden cell."""
    present = {(p, k, c) for p, k, c in frame.select("period", "kpi_id", "consortium_id").rows()}
    by_kpi = {entry.id: entry for entry in catalogue.kpis()}
    relations = []
    for period, kpi_id in sorted({(p, k) for p, k, _ in present}):
        entry = by_kpi.get(kpi_id)
        if entry is None or not entry.counts_people:
            continue
        members = sorted(c for p, k, c in present if (p, k) == (period, kpi_id) and c != PROGRAM)
        if not members:
            continue
        for column in _protected_columns(entry):
            relations.append(Relation([(period, kpi_id, c, column) for c in members],
                                      (period, kpi_id, PROGRAM, column)))
    for entry in catalogue.kpis():
        children = [k.id for k in catalogue.kpis() if k.part_of == entry.id]
        if not children:
            continue
        for period, kpi_id, consortium_id in sorted(present):
            if kpi_id == entry.id and all((period, child, consortium_id) in present
                                          for child in children):
                relations.append(Relation(
                    [(period, child, consortium_id, "value") for child in children],
                    (period, kpi_id, consortium_id, "value")))
    return relations


def _protected_columns(entry: catalogue.Kpi) -> tuple[str, ...]:
    """The counts of people in a KPI's row: its value, or a rate's numerator and denominator."""
    if not entry.counts_people:
        return ()
    return ("numerator", "denominator") if entry.is_rate else ("value",)


def protected_columns(kpi_id: str) -> tuple[str, ...]:
    """The columns of a KPI's row that disclosure control protects."""
    return _protected_columns(catalogue.kpi(kpi_id))


def protect(frame: pl.DataFrame, rules: DisclosureRules = RULES) -> pl.DataFrame:
    """The public edition of scorecard rows: hidden figures set to null and flagged.

    Adds `value_flag`, `numerator_flag` and `denominator_flag` ("small", "hidden" or null) and
    nulls the projection and status of every hidden value.
    """
    by_kpi = {entry.id: entry for entry in catalogue.kpis()}
    table = _Table({})
    rates = []
    for row in frame.iter_rows(named=True):
        entry = by_kpi.get(row["kpi_id"])
        if entry is None:
            raise KeyError(f"KPI {row['kpi_id']!r} is not in the catalogue")
        base = (row["period"], row["kpi_id"], row["consortium_id"])
        for column in COUNT_COLUMNS:
            if row[column] is not None:
                table.values[(*base, column)] = row[column]
        for column in _protected_columns(entry):
            if is_small(row[column], rules):
                table.hide((*base, column), SMALL)
        if entry.counts_people and entry.is_rate:
            rates.append(base)
    relations = relations_for(frame)
    changed = True
    while changed:
        changed = _apply_rate_rules(table, rates, rules)
        for relation in relations:
            if exposed_cells(table, relation, rules):
                candidate = _secondary_candidate(table, relation, rules)
                if candidate is not None:
                    changed |= table.hide(candidate)
    return _apply_flags(frame, table)


def _apply_flags(frame: pl.DataFrame, table: _Table) -> pl.DataFrame:
    keys = list(zip(frame["period"], frame["kpi_id"], frame["consortium_id"], strict=True))
    columns = {}
    for column in COUNT_COLUMNS:
        flags = [table.flags.get((*key, column)) for key in keys]
        columns[FLAG[column]] = pl.Series(FLAG[column], flags, dtype=pl.String)
    protected = frame.with_columns(**columns)
    hidden_value = pl.col("value_flag").is_not_null()
    updates = [pl.when(pl.col(FLAG[c]).is_null()).then(pl.col(c)).alias(c)
               for c in COUNT_COLUMNS]
    for column in ("projected_value", "status"):
        if column in frame.columns:
            updates.append(pl.when(~hidden_value).then(pl.col(column)).alias(column))
    return protected.with_columns(updates)


def hidden_count_cells(frame: pl.DataFrame, rules: DisclosureRules = RULES) -> list[Key]:
    """Cells of protected counts whose exact value is small (for checking a public artefact)."""
    by_kpi = {entry.id: entry for entry in catalogue.kpis()}
    small = []
    for row in frame.iter_rows(named=True):
        for column in _protected_columns(by_kpi[row["kpi_id"]]):
            if is_small(row[column], rules):
                small.append((row["period"], row["kpi_id"], row["consortium_id"], column))
    return small
