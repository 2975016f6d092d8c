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


def _laid_out(figure: go.Figure, y_title: str | None = None, height: int = 340) -> go.Figure:
    figure.update_layout(font={"family": FONT}, yaxis_title=y_title, xaxis_title=None,
                         legend={"orientation": "h", "y": -0.2}, margin={"t": 20, "b": 20},
                         height=height)
    return figure


def funnel_figure(stages: list[str], values: list[int]) -> go.Figure:
    """A funnel of people from stage to stage, with each stage's share of the first."""
    figure = go.Figure(go.Funnel(y=stages, x=values, textinfo="value+percent initial"))
    return _laid_out(figure)


def bar_figure(frame: pl.DataFrame, x: str, series: dict[str, str], y_title: str,
               stacked: bool = True, text: dict[str, list[str]] | None = None) -> go.Figure:
    """One bar per row of `frame` for each column in `series` (column -> legend label).

    `text` optionally labels a series' bars (for example 'n = 12' beside a rate).
    """
    figure = go.Figure()
    categories = [str(v) for v in frame[x].to_list()]
    for column, label in series.items():
        labels = (text or {}).get(column)
        figure.add_trace(go.Bar(x=categories, y=frame[column].to_list(), name=label,
                                text=labels, textposition="outside" if labels else None))
    figure.update_layout(barmode="stack" if stacked else "group")
    figure.update_xaxes(type="category")
    return _laid_out(figure, y_title)
