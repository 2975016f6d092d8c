"""The reports' charts: plotly figures for the HTML, and the same figures as SVG for the PDF.

One grouped bar chart per KPI domain and unit (KPIs of one unit share an axis), one bar per
consortium, each labelled with the text the tables print, so a hidden value appears in a chart
only as its mark. SVGs come from kaleido (the system Chromium) in one batch per publish, and
their random element ids are replaced by ids derived from the chart's own id, so the same
figure always gives the same bytes and several SVGs can share one HTML page.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from presentation.style import FONT
from reports.data import PROGRAM, ReportData, cell_text, consortium_name, consortium_order
from reports.disclosure import DisclosureRules
from reports.text import domain_name, label, unit_name
from warehouse import catalogue

PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#843c0c")
SVG_SIZE = {"width": 760, "height": 340}
_PLOTLY_UID = re.compile(r'id="defs-([0-9a-f]+)"')


def domain_figures(data: ReportData, rows: list[dict], language: str,
                   rules: DisclosureRules) -> dict[str, list[dict[str, Any]]]:
    """Domain -> its charts ({'id', 'title', 'figure'}), from one edition's rows."""
    groups: dict[tuple[str, str], list[catalogue.Kpi]] = {}
    for entry in catalogue.kpis():
        groups.setdefault((entry.domain, entry.unit), []).append(entry)
    by_key = {(r["kpi_id"], r["consortium_id"]): r for r in rows}
    consortia = [c for c in consortium_order(data) if c != PROGRAM
                 and any((k.id, c) in by_key for ks in groups.values() for k in ks)]
    charts: dict[str, list[dict[str, Any]]] = {}
    for (domain, unit), entries in groups.items():
        entries = [k for k in entries if any((k.id, c) in by_key for c in consortia)]
        if not entries:
            continue
        figure = go.Figure()
        for index, consortium_id in enumerate(consortia):
            cells = [by_key.get((k.id, consortium_id)) for k in entries]
            figure.add_trace(go.Bar(
                name=consortium_name(data, consortium_id, language),
                x=[k.name(language) for k in entries],
                y=[_bar_height(c) for c in cells],
                text=[cell_text(c, "value", language, rules) if c else "" for c in cells],
                hovertemplate="%{x}<br>%{fullData.name}: %{text}<extra></extra>",
                textposition="outside", cliponaxis=False,
                marker={"color": PALETTE[index % len(PALETTE)]}))
        figure.update_layout(
            barmode="group", font={"family": FONT, "size": 12}, template="plotly_white",
            yaxis={"title": {"text": unit_name(unit, language)}, "rangemode": "tozero",
                   **_axis_for_small_counts(figure, unit)},
            legend={"orientation": "h", "y": -0.18}, margin={"t": 30, "b": 10, "l": 60,
                                                             "r": 20}, **SVG_SIZE)
        title = label("chart_title", language, domain=domain_name(domain, language),
                      unit=unit_name(unit, language))
        charts.setdefault(domain, []).append(
            {"id": f"chart-{domain}-{unit}", "title": title, "figure": figure})
    return charts


def _axis_for_small_counts(figure: go.Figure, unit: str) -> dict[str, Any]:
    """Whole-number ticks from 0 to 5 when every bar is that low (no '0.2 people')."""
    heights = [y for trace in figure.data for y in trace.y if y is not None]
    if unit == "percent" or max(heights, default=0) >= 5:
        return {}
    return {"range": [0, 5.5], "dtick": 1}


def _bar_height(cell: dict | None) -> float | None:
    """The bar's height: a withheld value stands at zero so that its mark still shows."""
    if cell is None:
        return None
    if cell.get("value_flag"):
        return 0.0
    return cell["value"]


def stable_svg(svg: str, chart_id: str) -> str:
    """The SVG with plotly's random id replaced by one derived from the chart's id."""
    found = _PLOTLY_UID.search(svg)
    if found is None:
        return svg
    stable = re.sub(r"[^a-z0-9]", "", chart_id.lower())
    return re.sub(rf"(defs-|clip|legend){found.group(1)}", rf"\g<1>{stable}", svg)


async def _render(figures: list[go.Figure]) -> list[bytes]:
    import kaleido

    async with kaleido.Kaleido(n=2, mathjax=False) as renderer:
        return list(await asyncio.gather(*(
            renderer.calc_fig(figure, opts={"format": "svg", **SVG_SIZE})
            for figure in figures)))


def _run_to_end(work: Coroutine[Any, Any, list[bytes]]) -> list[bytes]:
    """Run the rendering coroutine, also from a thread that already runs an event loop (a
    notebook, or a process that drives a browser through Playwright's sync API), where
    `asyncio.run` refuses: there it gets a thread and a loop of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result()


def render_svgs(figures: dict[str, go.Figure]) -> dict[str, str]:
    """Key -> SVG text for every figure, rendered in one browser session.

    Figures that are the same (an edition where nothing was withheld) are rendered once.
    """
    specs = {key: figure.to_json() for key, figure in figures.items()}
    unique = list(dict.fromkeys(specs.values()))
    if not unique:
        return {}
    images = _run_to_end(_render([go.Figure(pio.from_json(spec)) for spec in unique]))
    by_spec = {spec: image.decode("utf-8") for spec, image in zip(unique, images, strict=True)}
    return {key: stable_svg(by_spec[spec], key) for key, spec in specs.items()}
