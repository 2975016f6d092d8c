"""Plotly figures built from query frames: pure functions, so tests can inspect them."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

FONT = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"


def trend_figure(trend: pl.DataFrame, labels: dict[str, str], y_title: str,
                 x_column: str = "period") -> go.Figure:
    """One line per consortium (and the program), year-to-date value by quarter.

    With one consortium the target is drawn as a dashed line.
    """
    figure = go.Figure()
    for consortium_id, rows in trend.sort(x_column).group_by("consortium_id",
                                                            maintain_order=True):
        cid = consortium_id[0]
        figure.add_trace(go.Scatter(
            x=rows[x_column].to_list(), y=rows["value"].to_list(), mode="lines+markers",
            name=labels.get(cid, cid), line={"dash": "dot" if cid == "ALL" else "solid"}))
    consortia = [c for c in trend["consortium_id"].unique().to_list() if c != "ALL"]
    if len(consortia) == 1:
        rows = trend.filter(pl.col("consortium_id") == consortia[0]).sort(x_column)
        figure.add_trace(go.Scatter(
            x=rows[x_column].to_list(), y=rows["target_value"].to_list(), mode="lines",
            name=labels.get("target", "target"), line={"dash": "dash", "color": "gray"}))
    figure.update_layout(font={"family": FONT}, yaxis_title=y_title, xaxis_title=None,
                         legend={"orientation": "h", "y": -0.2}, margin={"t": 20, "b": 20},
                         height=360)
    return figure


CHART_KINDS = ("bar", "line", "scatter")


def chart_axes(frame: pl.DataFrame) -> tuple[list[str], list[str]]:
    """Columns a quick chart can use: any plain column on x, numeric columns on y."""
    plain = [n for n, dtype in frame.schema.items() if not dtype.is_nested()]
    numeric = [n for n, dtype in frame.schema.items() if dtype.is_numeric()]
    return plain, numeric


def default_chart(frame: pl.DataFrame) -> tuple[str, str | None, str | None]:
    """A sensible first chart: the first text or date column against the first number."""
    plain, numeric = chart_axes(frame)
    if not numeric:
        return "bar", None, None
    labels = [n for n in plain if n not in numeric]
    x = labels[0] if labels else plain[0]
    y = next((n for n in numeric if n != x), numeric[0])
    temporal = frame.schema[x].is_temporal() or x in ("period", "calendar_year")
    return ("line" if temporal else "bar"), x, y


def quick_chart(frame: pl.DataFrame, kind: str, x: str, y: str) -> go.Figure:
    """A bar, line or scatter chart of one result column against another (or itself)."""
    rows = frame.select(pl.col(x).alias("x"), pl.col(y).alias("y")).drop_nulls("y")
    if kind == "line":
        rows = rows.sort("x")
    x_values = [v if isinstance(v, int | float) else str(v) for v in rows["x"].to_list()]
    y_values = rows["y"].to_list()
    trace = {"bar": go.Bar(x=x_values, y=y_values),
             "line": go.Scatter(x=x_values, y=y_values, mode="lines+markers"),
             "scatter": go.Scatter(x=x_values, y=y_values, mode="markers")}[kind]
    figure = go.Figure(trace)
    figure.update_layout(font={"family": FONT}, xaxis_title=x, yaxis_title=y,
                         margin={"t": 20, "b": 20}, height=360)
    return figure
