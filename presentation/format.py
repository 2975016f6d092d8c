"""Numbers as leadership reads them: units, thousands separators and dates in both languages."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

import polars as pl

UNIT_SUFFIX = {
    "people": ("명", ""), "projects": ("건", ""), "papers": ("편", ""),
    "percent": ("%", "%"), "krw": ("원", " KRW"), "months": ("개월", " months"),
    "hours": ("시간", " h"), "count": ("", ""),
}


def format_value(value: float | None, unit: str, language: str) -> str:
    """A KPI value with its unit: 24명 / 24, 66.7% / 66.7%, 1,200,000원 / 1,200,000 KRW."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    korean, english = UNIT_SUFFIX.get(unit, ("", ""))
    suffix = korean if language == "ko" else english
    if unit == "percent":
        return f"{value:,.1f}{suffix}"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}{suffix}"


def format_date(day: date | None, language: str) -> str:
    """2025년 3월 2일 / 2 Mar 2025."""
    if day is None:
        return "–"
    if language == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    return f"{day.day} {day:%b} {day.year}"


def relabelled(frame: pl.DataFrame, column: str, label: Callable[[str], str]) -> pl.Expr:
    """`column` with each id replaced by its label (KPI names, consortium names, statuses).

    The labels are worked out here, in the script's own thread, once per distinct value. A Python
    callback inside a polars expression would run on polars' worker threads instead: there the
    session (and so the chosen language) is not visible, and a callback that itself queries a
    frame waits for the same worker pool, which deadlocks once several sessions run at once.
    """
    labels = {value: label(value) for value in frame[column].drop_nulls().unique().to_list()}
    return pl.col(column).replace_strict(labels, default=None, return_dtype=pl.String)
