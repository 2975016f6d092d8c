"""Plotly figures built from query frames: pure functions, so tests can inspect them."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from presentation.style import FONT


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
    # Consortia may start at different points of the axis (program-year labels): sort the
    # categories rather than keeping the order the first line happens to meet them.
    figure.update_xaxes(type="category", categoryorder="category ascending")
    return figure


#: Status order on the heat-map's colour scale, and the colour of each (red-amber-green, with
#: greys for "no target" and "no data" so only judged cells draw the eye).
STATUS_ORDER = ("behind", "at_risk", "on_track", "no_target", "no_data")
STATUS_HEX = {"behind": "#d64545", "at_risk": "#f2b134", "on_track": "#3a9b5c",
              "no_target": "#d9d9d9", "no_data": "#f0f0f0"}


def _discrete_scale() -> list[tuple[float, str]]:
    """A colour scale with one flat band per status, so z = status index maps to its colour."""
    step = 1 / len(STATUS_ORDER)
    scale: list[tuple[float, str]] = []
    for index, status in enumerate(STATUS_ORDER):
        scale += [(index * step, STATUS_HEX[status]), ((index + 1) * step, STATUS_HEX[status])]
    return scale


def status_matrix_figure(board: pl.DataFrame, consortium_labels: dict[str, str],
                         kpi_labels: dict[str, str], status_labels: dict[str, str]) -> go.Figure:
    """Consortia down, KPIs across, each cell coloured and labelled by its status.

    `board` holds scorecard rows (consortium_id, kpi_id, status, display_order); rows and
    columns keep the order of the labels given, and a missing cell stays blank.
    """
    consortia = [c for c in consortium_labels if c in set(board["consortium_id"])]
    kpi_ids = [k for k in kpi_labels if k in set(board["kpi_id"])]
    cells = {(r["consortium_id"], r["kpi_id"]): r["status"] for r in board.iter_rows(named=True)}
    z = [[STATUS_ORDER.index(cells[(c, k)]) if (c, k) in cells else None for k in kpi_ids]
         for c in consortia]
    text = [[status_labels.get(cells.get((c, k), ""), "") for k in kpi_ids] for c in consortia]
    figure = go.Figure(go.Heatmap(
        z=z, x=[kpi_labels[k] for k in kpi_ids], y=[consortium_labels[c] for c in consortia],
        text=text, texttemplate="%{text}", colorscale=_discrete_scale(), zmin=-0.5,
        zmax=len(STATUS_ORDER) - 0.5, showscale=False, xgap=3, ygap=3,
        hovertemplate="%{y}<br>%{x}<br>%{text}<extra></extra>"))
    figure.update_layout(font={"family": FONT}, margin={"t": 20, "b": 20, "l": 20, "r": 20},
                         height=140 + 48 * len(consortia), xaxis={"side": "top", "tickangle": -30},
                         yaxis={"autorange": "reversed"})
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


def sankey_figure(stages: dict[str, str], links: list[tuple[str, str, int]]) -> go.Figure:
    """A flow diagram: `stages` (id -> label, in order) joined by links of counted records.

    Each node shows its label with the count it receives (or sends, for the first stage), so
    the numbers are readable without hovering.
    """
    ids = list(stages)
    incoming = {s: sum(v for _, target, v in links if target == s) for s in ids}
    outgoing = {s: sum(v for source, _, v in links if source == s) for s in ids}
    labels = [f"{stages[s]} ({incoming[s] or outgoing[s]})" for s in ids]
    shown = [(a, b, v) for a, b, v in links if v > 0]
    figure = go.Figure(go.Sankey(
        node={"label": labels, "pad": 18, "thickness": 16},
        link={"source": [ids.index(a) for a, _, _ in shown],
              "target": [ids.index(b) for _, b, _ in shown],
              "value": [v for _, _, v in shown]}))
    return _laid_out(figure, height=380)


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
