"""The Excel workbook of a snapshot: a contents sheet, one sheet per KPI table, and notes.

Numbers are written as numbers (so they can be summed); a figure withheld in the public edition
is written as its mark ("<5", "x") instead, never as a number. The workbook's creation time is
the newest load in the data, not the clock, so the file is the same every time it is written.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import xlsxwriter

from reports.data import ReportData, consortium_name, consortium_order, edition_rows
from reports.disclosure import FLAG, RULES, DisclosureRules
from reports.industry import industry_view, sheet_rows
from reports.text import label, unit_name
from warehouse import catalogue

COLUMNS = ("consortium", "consortium_id", "period", "value", "numerator", "denominator",
           "target_value", "projected_value", "status")
HEADERS = {"consortium_id": ("consortium_id", "consortium_id"),
           "target_value": ("target", "target"), "projected_value": ("projection", "projection")}


def sheet_names(kpi_ids: list[str]) -> dict[str, str]:
    """KPI id -> a unique Excel sheet name (at most 31 characters)."""
    names: dict[str, str] = {}
    for kpi_id in kpi_ids:
        base = re.sub(r"[\[\]:*?/\\]", "_", kpi_id)[:31]
        name, n = base, 2
        while name in names.values():
            name, n = f"{base[:28]}~{n}", n + 1
        names[kpi_id] = name
    return names


def _header(column: str, language: str) -> str:
    key = HEADERS.get(column, (column, column))[0]
    return column if key == "consortium_id" else label(key, language)


def write_workbook(path: Path, data: ReportData, edition: str, language: str,
                   rules: DisclosureRules = RULES) -> None:
    """Write the edition's workbook in one language."""
    rows = data.history if edition == "internal" else edition_rows(data, edition, rules)
    entries = [k for k in catalogue.kpis() if k.id in set(rows["kpi_id"])]
    names = sheet_names([k.id for k in entries])
    rank = {cid: i for i, cid in enumerate(consortium_order(data))}
    workbook = xlsxwriter.Workbook(str(path))
    created = datetime.fromisoformat(data.data_loaded_at) if data.data_loaded_at else None
    workbook.set_properties({"title": label("title", language), "created": created,
                             "subject": data.snapshot_id})
    bold = workbook.add_format({"bold": True, "bg_color": "#EEF2F6"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    contents = workbook.add_worksheet(label("contents", language)[:31])
    contents.write_row(0, 0, [label(k, language) for k in ("kpi_id", "kpi", "unit", "definition",
                                                           "sheet")], bold)
    for r, entry in enumerate(entries, start=1):
        contents.write_row(r, 0, [entry.id, entry.name(language), unit_name(entry.unit, language),
                                  entry.definition(language)], wrap)
        contents.write_url(r, 4, f"internal:'{names[entry.id]}'!A1", string=names[entry.id])
    contents.set_column(0, 0, 26)
    contents.set_column(1, 1, 30)
    contents.set_column(3, 3, 70)
    for entry in entries:
        sheet = workbook.add_worksheet(names[entry.id])
        sheet.write(0, 0, entry.name(language), workbook.add_format({"bold": True}))
        sheet.write(1, 0, entry.definition(language))
        sheet.write_row(3, 0, [_header(c, language) for c in COLUMNS], bold)
        table = sorted((r for r in rows.iter_rows(named=True) if r["kpi_id"] == entry.id),
                       key=lambda r: (rank.get(r["consortium_id"], 99), r["consortium_id"],
                                      r["period"]))
        for r, row in enumerate(table, start=4):
            for c, column in enumerate(COLUMNS):
                sheet.write(r, c, _cell(data, row, column, language, rules))
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, len(COLUMNS) - 1, 13)
        sheet.freeze_panes(4, 0)
    if data.industry_flow is not None and data.industry_support is not None \
            and data.industry_fees is not None:
        view = industry_view(data.industry_flow, data.industry_support, data.industry_fees,
                             edition, language, lambda c: consortium_name(data, c, language))
        sheet = workbook.add_worksheet(view["sheet_title"][:31])
        for r, line in enumerate(sheet_rows(view)):
            sheet.write_row(r, 0, line)
        sheet.set_column(0, 1, 28)
    _notes(workbook, data, edition, language, rules)
    workbook.close()


def _cell(data: ReportData, row: dict, column: str, language: str,
          rules: DisclosureRules) -> str | float | None:
    if column == "consortium":
        return consortium_name(data, row["consortium_id"], language)
    if column in FLAG and row.get(FLAG[column]):
        return rules.mark(row[FLAG[column]])
    if column == "status":
        return label(row["status"], language) if row.get("status") else None
    return row.get(column)


def _notes(workbook: xlsxwriter.Workbook, data: ReportData, edition: str, language: str,
           rules: DisclosureRules) -> None:
    sheet = workbook.add_worksheet(label("notes", language)[:31])
    lines = [label("title", language), f"{label('snapshot', language)}: {data.snapshot_id}",
             f"{label('period', language)}: {data.period}", label(edition, language),
             label("ytd_note", language)]
    if edition == "public":
        lines += [label("disclosure_rules", language, small=rules.min_count - 1,
                        limit=rules.min_count, mark=rules.small_mark,
                        rate=rules.min_rate_denominator),
                  label("symbol_small", language, mark=rules.small_mark, limit=rules.min_count),
                  label("symbol_hidden", language, mark=rules.hidden_mark)]
    for r, line in enumerate(lines):
        sheet.write(r, 0, line)
    sheet.set_column(0, 0, 110)

