"""Laying a report view out as HTML (interactive, self-contained) or as an A4 PDF.

Both come from one template (templates/report.html.j2) and one stylesheet. The HTML inlines
plotly.js and each chart's JSON, so it opens offline; the PDF inlines each chart as SVG (vector
graphics: weasyprint runs no JavaScript) and weasyprint embeds the Korean fonts it uses. Nothing
here varies from run to run, so the same view always gives the same bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import jinja2
import plotly.io as pio
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from reports.text import label

TEMPLATES = Path(__file__).with_name("templates")
PROJECT = Path(__file__).resolve().parents[1]
K = TypeVar("K")


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


def pdfs(documents: Mapping[K, str]) -> dict[K, bytes]:
    """Each HTML document (`html(view, "pdf", svgs)`) as an A4 PDF with embedded fonts.

    Laying out a report (weasyprint, pure Python) takes seconds a document and holds the GIL,
    so the documents are laid out side by side, one worker process per core. The workers are
    fresh interpreters (`python -m reports.render`), not forks of this process, which may hold
    DuckDB and browser threads; they read the HTML from a scratch folder and write the PDF
    beside it, so a document comes out the same as when laid out here.
    """
    workers = min(len(documents), os.cpu_count() or 1)
    if workers <= 1:
        return {key: _pdf_from_html(document) for key, document in documents.items()}
    with tempfile.TemporaryDirectory(prefix="report-pdfs-") as scratch:
        paths = {key: Path(scratch) / f"{index}.html" for index, key in enumerate(documents)}
        for key, path in paths.items():
            path.write_text(documents[key], "utf-8")
        files = [str(path) for path in paths.values()]
        processes = [subprocess.Popen([sys.executable, "-m", "reports.render",
                                       *files[start::workers]],
                                      cwd=PROJECT, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True)
                     for start in range(workers)]
        # every worker is waited for before the scratch folder goes, even when one failed
        failures = []
        for process in processes:
            _, error = process.communicate()
            if process.returncode:
                failures.append(error.strip() or f"exit status {process.returncode}")
        if failures:
            raise RuntimeError("laying out a PDF report failed: " + failures[0])
        return {key: path.with_suffix(".pdf").read_bytes() for key, path in paths.items()}


def _pdf_from_html(document: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=document, base_url=str(TEMPLATES)).write_pdf()


def _lay_out_files(paths: list[str]) -> None:
    """Each HTML file laid out as the PDF beside it (what a `pdfs` worker does)."""
    for path in map(Path, paths):
        path.with_suffix(".pdf").write_bytes(_pdf_from_html(path.read_text("utf-8")))


if __name__ == "__main__":
    _lay_out_files(sys.argv[1:])
