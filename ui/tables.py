"""Every table the app shows, formatted by unit and labelled in the viewer's language.

One widget, `table()`, so no page formats a column itself: whole numbers for counts, one decimal
and `%` for rates, KRW with thousands separators, dates without a time, `–` for anything missing
(never `None`, `nan` or `00:00:00`). A column's unit comes from its name (`_pct`, `_krw`,
`_months`, `_date`, `_year`, the house naming rules) and its type; a column that holds a
different KPI on each row (a scorecard's actual, target, projection) is formatted row by row with
that row's KPI unit. Column labels come from the page (an i18n key) or else from the data
dictionary. Downloads keep machine-readable values (numbers, ISO dates) under the same labels.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl
import streamlit as st

from presentation.format import format_value
from ui import data
from ui.i18n import language, t
from ui.widgets import download_buttons

MISSING = "–"
#: unit -> (Korean, English) printf format for st.column_config.NumberColumn
NUMBER_FORMATS = {
    "count": ("%,d", "%,d"), "people": ("%,d", "%,d"), "papers": ("%,d", "%,d"),
    "projects": ("%,d", "%,d"), "plain": ("%d", "%d"), "percent": ("%.1f%%", "%.1f%%"),
    "krw": ("%,d원", "%,d KRW"), "months": ("%,.1f", "%,.1f"), "hours": ("%,.1f", "%,.1f"),
    "number": ("%,.1f", "%,.1f"),
}
ROW_UNIT = "row"


def unit_of(column: str, dtype: pl.DataType) -> str:
    """The unit a column's name and type imply."""
    if dtype == pl.Date:
        return "date"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype == pl.Boolean:
        return "boolean"
    if not dtype.is_numeric():
        return "text"
    if column.endswith(("_pct", "_rate", "_share")):
        return "percent"
    if column.endswith("_krw"):
        return "krw"
    if column.endswith(("_months", "_hours")):
        return "months"
    if column.endswith(("year", "_number", "quarter")) or column in ("year", "program_year"):
        return "plain"
    return "count" if dtype.is_integer() else "number"


def _config(unit: str, label: str, help_text: str | None, lang: str):
    korean = lang == "ko"
    if unit in NUMBER_FORMATS:
        fmt = NUMBER_FORMATS[unit][0 if korean else 1]
        return st.column_config.NumberColumn(label, help=help_text, format=fmt)
    if unit == "date":
        return st.column_config.DateColumn(label, help=help_text, format="YYYY-MM-DD")
    if unit == "datetime":
        return st.column_config.DatetimeColumn(label, help=help_text, format="YYYY-MM-DD HH:mm")
    if unit == "boolean":
        return st.column_config.CheckboxColumn(label, help=help_text)
    return st.column_config.TextColumn(label, help=help_text)


def _by_row(values: list, units: list[str], lang: str) -> list[str]:
    return [format_value(v, u, lang) for v, u in zip(values, units, strict=True)]


def display_frame(frame: pl.DataFrame, units: Mapping[str, str], row_unit: str | None,
                  lang: str) -> pl.DataFrame:
    """The frame as shown: per-row units as text, NaN as missing, midnight timestamps as dates."""
    changed = []
    for column, unit in units.items():
        dtype = frame.schema[column]
        if unit == ROW_UNIT and row_unit:
            text = _by_row(frame[column].to_list(), frame[row_unit].to_list(), lang)
            changed.append(pl.Series(column, text, dtype=pl.String))
        elif dtype.is_float():
            changed.append(frame[column].fill_nan(None))
        elif unit == "date" and isinstance(dtype, pl.Datetime):
            changed.append(frame[column].dt.date())
    return frame.with_columns(changed) if changed else frame


def _units(frame: pl.DataFrame, given: Mapping[str, str] | None) -> dict[str, str]:
    units = {c: unit_of(c, d) for c, d in frame.schema.items()}
    for column, dtype in frame.schema.items():
        if isinstance(dtype, pl.Datetime) and not column.endswith("_at"):
            units[column] = "date"  # a day stored as a timestamp: shown without 00:00:00
    return {**units, **(given or {})}


def _title(column: str, i18n_key: str | None, dictionary: tuple[str, str, str],
           lang: str) -> str:
    """The page's label for a column if it gives one, else the data dictionary's."""
    if i18n_key:
        return t(i18n_key)
    return dictionary[0] if lang == "ko" else dictionary[1]


def table(frame: pl.DataFrame, labels: Mapping[str, str | None] | None = None, *, key: str,
          name: str | None = None, units: Mapping[str, str] | None = None,
          row_unit: str | None = None, titles: Mapping[str, str] | None = None) -> None:
    """Show `frame` formatted by unit, with CSV and Excel downloads when `name` is given.

    `labels` maps the columns to show, in order, to an i18n key (None: the dictionary's label);
    without it every column is shown under its dictionary label. `units` overrides a column's
    unit; `"row"` takes each row's unit from the `row_unit` column (not shown on screen).
    `titles` gives a column a label as is (a quarter, or a SQL result's own column names).
    """
    lang = language()
    columns = list(labels) if labels is not None else [c for c in frame.columns if c != row_unit]
    dictionary = data.column_labels(tuple(columns))
    helps = {c: dictionary[c][2] or None for c in columns}
    titles = {c: (titles or {}).get(c) or _title(c, (labels or {}).get(c), dictionary[c], lang)
              for c in columns}
    chosen = frame.select([*columns, *([row_unit] if row_unit else [])])
    unit_map = {c: u for c, u in _units(chosen, units).items() if c in columns}
    shown = display_frame(chosen, unit_map, row_unit, lang).select(columns)
    config = {c: _config("text" if unit_map[c] == ROW_UNIT else unit_map[c], titles[c],
                         helps[c], lang) for c in columns}
    st.dataframe(shown, hide_index=True, column_config=config, placeholder=MISSING,
                 key=f"{key}-table")
    if name is None:
        return
    download = chosen.select([pl.col(c).alias(titles[c]) for c in columns])
    if row_unit:
        download = download.with_columns(chosen[row_unit].alias(t("unit")))
    download_buttons(download, name, key=key)
