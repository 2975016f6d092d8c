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
