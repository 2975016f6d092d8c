"""A snapshot's figures as read from the warehouse, and how each one is printed.

`ReportData` is read once from the pinned warehouse by the publisher; `edition_rows` applies
disclosure control for the public edition; every figure any writer prints passes through
`cell_text`, so a hidden value can only ever appear as its mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from presentation.format import format_value
from reports.disclosure import FLAG, RULES, DisclosureRules, protect
from reports.text import label
from warehouse import catalogue

PROGRAM = "ALL"
EDITIONS = ("internal", "public")


@dataclass(frozen=True)
class ReportData:
    """Everything a snapshot's reports show, read once from one warehouse version."""

    snapshot_id: str
    kind: str  # "quarter" or "year"
    period: str
    current: pl.DataFrame  # kpi_scorecard rows of the quarter
    history: pl.DataFrame  # kpi_scorecard rows up to and including the quarter
    consortia: pl.DataFrame
    data_loaded_at: str
    warehouse_version: str
    code_version: str
    #: consortium_id -> quarters it had not submitted when a final deadline forced the edition
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: links from joint projects to outputs, transfers and services (reports/industry.py)
    industry_flow: pl.DataFrame | None = None
    #: company support of the year up to the quarter, per consortium and company
    industry_support: pl.DataFrame | None = None
    #: transfer contracts per consortium with their fees (internal edition only)
    industry_fees: pl.DataFrame | None = None


def internal_only_kpis() -> list[str]:
    """KPIs in won (company support values, technology-transfer fees): internal edition only."""
    return [k.id for k in catalogue.kpis() if k.unit == "krw"]


def edition_rows(data: ReportData, edition: str,
                 rules: DisclosureRules = RULES) -> pl.DataFrame:
    """The quarter's rows as the edition shows them (public: disclosure control applied, and
    no won values)."""
    if edition != "public":
        return data.current
    shown = data.current.filter(~pl.col("kpi_id").is_in(internal_only_kpis()))
    return protect(shown, rules)


def consortium_order(data: ReportData) -> list[str]:
    """The program first, then consortia by start date."""
    return [PROGRAM, *data.consortia["consortium_id"].to_list()]


def consortium_name(data: ReportData, consortium_id: str, language: str) -> str:
    """A consortium's name in the language ('Program total' for ALL)."""
    if consortium_id == PROGRAM:
        return label("program_total", language)
    rows = data.consortia.filter(pl.col("consortium_id") == consortium_id)
    if rows.height == 0:
        return consortium_id
    return rows.item(0, "name_ko" if language == "ko" else "name_en")


def cell_text(row: dict[str, Any], column: str, language: str,
              rules: DisclosureRules = RULES) -> str:
    """One figure as printed: its disclosure mark, a dash when missing, or the number."""
    if column in FLAG and row.get(FLAG[column]):
        return rules.mark(row[FLAG[column]]) or rules.hidden_mark
    value = row.get(column)
    if column == "status":
        return label(value, language) if value else "–"
    if value is None:
        return "–"
    entry = catalogue.kpi(row["kpi_id"])
    if column in ("numerator", "denominator"):
        people = entry.counts_people and language == "ko"
        return f"{value:,.0f}{'명' if people else ''}"
    return format_value(value, entry.unit, language)

