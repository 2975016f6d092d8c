"""Laying a report view out as HTML (interactive, self-contained) or as an A4 PDF.

Both come from one template (templates/report.html.j2) and one stylesheet. The HTML inlines
plotly.js and each chart's JSON, so it opens offline; the PDF inlines each chart as SVG (vector
graphics: weasyprint runs no JavaScript) and weasyprint embeds the Korean fonts it uses. Nothing
here varies from run to run, so the same view always gives the same bytes.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import plotly.io as pio
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from reports.text import label

TEMPLATES = Path(__file__).with_name("templates")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


def _chart_json(figure: Any) -> str:
    """A figure's JSON, safe to place inside a <script> element."""
    spec = json.loads(pio.to_json(figure, validate=False))
    text = json.dumps({"data": spec["data"], "layout": spec["layout"]}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))
    return text.replace("</", "<\\/")


def html(view: dict[str, Any], medium: str = "html",
         svgs: dict[str, str] | None = None) -> str:
    """The report as one HTML document; medium 'pdf' puts SVG charts in place of plotly."""
    domains = []
    for domain in view["domains"]:
        charts = []
        for chart in domain["charts"]:
            entry = {"id": chart["id"]}
            if medium == "html":
                entry["json"] = Markup(_chart_json(chart["figure"]))
            else:
                entry["svg"] = Markup((svgs or {})[chart["key"]])
            charts.append(entry)
        domains.append({**domain, "charts": charts})
    template = _environment().get_template("report.html.j2")
    return template.render(
        v={**view, "domains": domains}, medium=medium,
        L=lambda key: label(key, view["language"]),
        css=Markup((TEMPLATES / "report.css").read_text("utf-8")),
        plotly_js=Markup(get_plotlyjs() if medium == "html" else ""))


def pdf(view: dict[str, Any], svgs: dict[str, str]) -> bytes:
    """The report as an A4 PDF with vector charts and embedded fonts."""
    import weasyprint

    document = weasyprint.HTML(string=html(view, "pdf", svgs), base_url=str(TEMPLATES))
    return document.write_pdf()
