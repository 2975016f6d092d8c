"""What a snapshot's reports say: one edition in one language as plain data for the writers.

`report_view` turns the quarter's rows (after disclosure control for the public edition) into
strings and plotly figures; the HTML, PDF and Excel writers only lay them out.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from reports import charts
from reports.data import (
    PROGRAM,
    ReportData,
    cell_text,
    consortium_name,
    consortium_order,
    edition_rows,
)
from reports.disclosure import RULES, DisclosureRules, protected_columns
from reports.industry import industry_view
from reports.text import domain_name, label, unit_name
from warehouse import catalogue


def _table_row(data: ReportData, row: dict, language: str, rules: DisclosureRules,
               columns: tuple[str, ...]) -> dict[str, str]:
    cells = {"consortium": consortium_name(data, row["consortium_id"], language),
             "kpi": catalogue.kpi(row["kpi_id"]).name(language), "period": row["period"]}
    cells.update({c: cell_text(row, c, language, rules) for c in columns})
    cells["protected"] = protected_columns(row["kpi_id"])
    return cells


def _ordered(data: ReportData, frame: pl.DataFrame) -> list[dict]:
    rank = {cid: i for i, cid in enumerate(consortium_order(data))}
    order = {k.id: k.display_order for k in catalogue.kpis()}
    rows = [r for r in frame.iter_rows(named=True) if r["kpi_id"] in order]
    return sorted(rows, key=lambda r: (order[r["kpi_id"]], rank.get(r["consortium_id"], 99),
                                       r["consortium_id"], r["period"]))


KPI_COLUMNS = ("value", "target_value", "projected_value", "status", "denominator")


def report_view(data: ReportData, edition: str, language: str,
                rules: DisclosureRules = RULES) -> dict[str, Any]:
    """One edition in one language as plain data for the writers."""
    rows = _ordered(data, edition_rows(data, edition, rules))
    by_kpi: dict[str, list[dict]] = {}
    for row in rows:
        by_kpi.setdefault(row["kpi_id"], []).append(row)
    domains: dict[str, dict] = {}
    for entry in catalogue.kpis():
        if entry.id not in by_kpi:
            continue
        domain = domains.setdefault(entry.domain, {
            "id": entry.domain, "name": domain_name(entry.domain, language), "kpis": []})
        program = next((r for r in by_kpi[entry.id] if r["consortium_id"] == PROGRAM), None)
        n_note = label("n_count", language)
        if entry.is_rate and program is not None:
            n_note = label("n_rate", language,
                           denominator=cell_text(program, "denominator", language, rules))
        domain["kpis"].append({
            "id": entry.id, "name": entry.name(language), "definition": entry.definition(language),
            "unit": unit_name(entry.unit, language), "n_note": n_note, "is_rate": entry.is_rate,
            "rows": [_table_row(data, r, language, rules, KPI_COLUMNS) for r in by_kpi[entry.id]],
        })
    figures = charts.domain_figures(data, rows, language, rules)
    for domain in domains.values():
        domain["charts"] = [{**chart, "key": f"{edition}-{language}-{chart['id']}"}
                            for chart in figures.get(domain["id"], [])]
    summary = [_table_row(data, r, language, rules, KPI_COLUMNS)
               for r in rows if r["consortium_id"] == PROGRAM]
    if edition == "internal":
        year = data.period[:4]
        appendix_rows = _ordered(data, data.history.filter(pl.col("period").str.starts_with(year)))
        appendix_title = label("appendix_history", language, year=year)
    else:
        appendix_rows, appendix_title = rows, label("appendix_period", language)
    appendix = [_table_row(data, r, language, rules, ("value", "numerator", "denominator",
                                                       "target_value", "status"))
                for r in appendix_rows]
    reporting = [consortium_name(data, c, language) for c in consortium_order(data)
                 if c != PROGRAM and c in set(data.current["consortium_id"])]
    rule = catalogue.status_rule()
    industry = None
    if data.industry_flow is not None and data.industry_support is not None \
            and data.industry_fees is not None:
        industry = industry_view(data.industry_flow, data.industry_support, data.industry_fees,
                                 edition, language, lambda c: consortium_name(data, c, language))
    return {
        "industry": industry,
        "language": language, "edition": edition, "period": data.period,
        "period_label": period_label(data, language), "snapshot_id": data.snapshot_id,
        "data_loaded_at": data.data_loaded_at, "warehouse_version": data.warehouse_version,
        "code_version": data.code_version, "domains": list(domains.values()),
        "summary": summary, "appendix": appendix, "appendix_title": appendix_title,
        "reporting_text": label("reporting", language, names=", ".join(reporting)),
        "missing_text": missing_text(data, language),
        "status_rule": rule.description_ko if language == "ko" else rule.description_en,
        "disclosure_rules": label("disclosure_rules", language, small=rules.min_count - 1,
                                  limit=rules.min_count, mark=rules.small_mark,
                                  rate=rules.min_rate_denominator),
        "symbol_small": label("symbol_small", language, mark=rules.small_mark,
                              limit=rules.min_count),
        "symbol_hidden": label("symbol_hidden", language, mark=rules.hidden_mark),
        "other_language_file": f"report-{'en' if language == 'ko' else 'ko'}.html",
    }


def missing_text(data: ReportData, language: str) -> str:
    """Who had not submitted by the final deadline, and which quarters ('' if nobody)."""
    if not data.missing:
        return ""
    names = ", ".join(f"{consortium_name(data, c, language)} ({', '.join(quarters)})"
                      for c, quarters in data.missing.items())
    return label("missing", language, names=names)


def period_label(data: ReportData, language: str) -> str:
    """'2026년 3분기 (연초부터 누적)' / 'Year 2026 (year to date to 2026-Q3)'."""
    year, quarter = data.period.split("-Q")
    if data.kind == "year":
        return label("period_year", language, year=year, period=data.period)
    return label("period_quarter", language, year=year, quarter=quarter)
