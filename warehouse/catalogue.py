"""The KPI catalogue, read from catalogue.toml: the one definition every page, report and test uses.

Each entry declares what its figure counts (`[kpi.figure]`: mart, measure, filter, numerator,
window); warehouse/kpi_sql.py turns that into the KPI's view and its drill-down records, so a
standard KPI has no SQL file. A KPI that does not fit names its hand-written view (`sql`) and
still declares the records it counts. The format is described at the top of catalogue.toml.
The file is config.kpi_catalogue_file() (OUTCOMES_KPI_CATALOGUE overrides it, e.g. in tests).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import config

MEASURES = ("count_distinct", "count", "sum")
WINDOWS = ("year_to_date", "quarter", "trailing_12_months", "to_date", "at_period_end")

Unit = Literal["people", "projects", "papers", "percent", "krw", "months", "hours", "count",
               "fte", "person_months", "universities"]


@dataclass(frozen=True)
class Figure:
    """What a KPI's figure is: which records of which mart it counts or sums, and how."""

    #: the mart whose rows are the KPI's records (one row per record, with consortium_id)
    mart: str
    #: count_distinct, count (rows with the column not null) or sum
    measure: Literal["count_distinct", "count", "sum"]
    #: the key counted or the column summed
    column: str
    #: SQL condition on the mart's columns: which records count at all (a rate's denominator)
    filter: str | None = None
    #: SQL condition: which of those are in a rate's numerator (makes the KPI a rate)
    numerator: str | None = None
    #: a sum's value is divided by this (FTE: months / 12); numerator and denominator show both
    divide_by: float | None = None
    #: for a mart without a `period` column: the record's date, and the window it must fall in
    date: str | None = None
    #: with `date`: the end of the record's interval (open when null); overlap counts
    end_date: str | None = None
    window: Literal["year_to_date", "quarter", "trailing_12_months", "to_date",
                    "at_period_end"] = "year_to_date"
    #: a mart of pre-computed counts (consortium_id incl. 'ALL', period, flag, record_count)
    counts_from: str | None = None
    #: a hand-written view instead of the generated one, relative to the catalogue file
    sql: Path | None = None

    @property
    def is_rate(self) -> bool:
        """A share of the filtered records (numerator over all of them)."""
        return self.numerator is not None


def _figure(kpi_id: str, entry: dict, folder: Path) -> Figure:
    """The [kpi.figure] table as a Figure, refusing what the generator cannot render."""
    entry = dict(entry)
    measures = [m for m in MEASURES if m in entry]
    if len(measures) != 1:
        raise ValueError(f"KPI {kpi_id}: [kpi.figure] needs exactly one of {MEASURES}")
    column = entry.pop(measures[0])
    if "sql" in entry:
        entry["sql"] = folder / entry["sql"]
    known = set(Figure.__dataclass_fields__) - {"measure", "column"}
    unknown = set(entry) - known
    if unknown:
        raise ValueError(f"KPI {kpi_id}: unknown [kpi.figure] keys {sorted(unknown)}")
    figure = Figure(measure=measures[0], column=column, **entry)
    if figure.window not in WINDOWS:
        raise ValueError(f"KPI {kpi_id}: window {figure.window!r} is not one of {WINDOWS}")
    if figure.window != "year_to_date" and figure.date is None:
        raise ValueError(f"KPI {kpi_id}: window {figure.window!r} needs the record's `date`")
    if figure.window == "at_period_end" and not figure.end_date:
        raise ValueError(f"KPI {kpi_id}: window 'at_period_end' needs the record's `end_date`")
    if figure.end_date and not figure.date:
        raise ValueError(f"KPI {kpi_id}: `end_date` needs `date`")
    if figure.divide_by is not None and figure.measure != "sum":
        raise ValueError(f"KPI {kpi_id}: only a sum can be divided (`divide_by`)")
    return figure


@dataclass(frozen=True)
class Kpi:
    """One KPI: names, definition, unit, the direction of good and the call's floor."""

    id: str
    domain: str
    name_ko: str
    name_en: str
    definition_ko: str
    definition_en: str
    numerator: str
    unit: Unit
    direction: Literal["up", "down"]
    accumulation: Literal["flow", "stock", "rate"]
    source: str
    at_risk_share: float
    display_order: int
    figure: Figure
    denominator: str | None = None
    default_target: float | None = None
    target_from_program_year: int | None = None
    numerator_ko: str = ""
    denominator_ko: str | None = None
    #: the KPI whose value this one's siblings add up to (e.g. Masters + PhD = all students)
    part_of: str | None = None
    #: what a rate's numerator and denominator count; rates count people unless told otherwise
    counted: str | None = None

    @property
    def view(self) -> str:
        """The SQL view that computes this KPI."""
        return f"kpi_{self.id}"

    @property
    def counts_people(self) -> bool:
        """Its figures are counts of people (protected in public editions)."""
        if self.is_rate:
            return (self.counted or "people") == "people"
        return self.unit == "people"

    def name(self, language: str) -> str:
        """The KPI's name in 'ko' or 'en'."""
        return self.name_ko if language == "ko" else self.name_en

    def definition(self, language: str) -> str:
        """The KPI's definition in 'ko' or 'en'."""
        return self.definition_ko if language == "ko" else self.definition_en

    def numerator_text(self, language: str) -> str:
        """What the numerator counts, in 'ko' or 'en'."""
        return self.numerator_ko if language == "ko" and self.numerator_ko else self.numerator

    def denominator_text(self, language: str) -> str | None:
        """What the denominator counts, in 'ko' or 'en' (None for counts)."""
        if language == "ko" and self.denominator_ko:
            return self.denominator_ko
        return self.denominator

    @property
    def is_rate(self) -> bool:
        """A share with a numerator and a denominator (n is shown beside it)."""
        return self.accumulation == "rate"


@dataclass(frozen=True)
class StatusRule:
    """How a projection is compared with its target."""

    at_risk_share: float
    description_ko: str
    description_en: str


def catalogue_file() -> Path:
    """The catalogue in use (config.kpi_catalogue_file())."""
    return config.kpi_catalogue_file()


@cache
def _raw(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def status_rule() -> StatusRule:
    """The rule that turns a projection and a target into a status."""
    return StatusRule(**_raw(catalogue_file())["status_rule"])


@cache
def _kpis(path: Path) -> tuple[Kpi, ...]:
    share = StatusRule(**_raw(path)["status_rule"]).at_risk_share
    entries = []
    for order, entry in enumerate(_raw(path)["kpi"], start=1):
        if "figure" not in entry:
            raise ValueError(f"KPI {entry.get('id')}: no [kpi.figure] in {path}")
        figure = _figure(entry["id"], entry["figure"], path.parent)
        kpi_entry = Kpi(**{"at_risk_share": share, **entry, "display_order": order,
                           "figure": figure})
        if kpi_entry.is_rate != figure.is_rate:
            raise ValueError(f"KPI {kpi_entry.id}: accumulation 'rate' goes with a figure "
                             "`numerator`, and only with it")
        entries.append(kpi_entry)
    return tuple(entries)


def kpis() -> tuple[Kpi, ...]:
    """Every KPI, in display order."""
    return _kpis(catalogue_file())


def kpi(kpi_id: str) -> Kpi:
    """The KPI with this id."""
    for entry in kpis():
        if entry.id == kpi_id:
            return entry
    raise KeyError(f"unknown KPI {kpi_id!r}")


def kpi_ids() -> frozenset[str]:
    """Every KPI id."""
    return frozenset(k.id for k in kpis())
