"""The suite's figures as the Markdown page docs/benchmarks.md, baselines beside each figure.

Everything here is formatting of what `python -m benchmarks` measured; the targets are the ones
the program set for scale 100 on a 2-core machine, checked against the figures of the largest
scale run (they only mean what they say at scale 100).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Suite = dict


@dataclass(frozen=True)
class Target:
    """One goal: its wording, how to read the measured value, and the bound."""

    wording: str
    measured: Callable[[dict], float | None]
    bound: float
    higher_is_better: bool = False
    unit: str = ""
    #: the scale the target is set for; None: the largest scale where it was measured
    scale: int | None = None

    def check(self, scales: list[dict]) -> tuple[str, str, str]:
        """The scale checked, the measured value and whether it meets the bound."""
        found = [s for s in scales if (self.scale is None or s["scale"] == self.scale)
                 and self.measured(s) is not None]
        if not found:
            return str(self.scale or "–"), "not measured", "–"
        scale = max(found, key=lambda s: s["scale"])
        value = self.measured(scale)
        assert value is not None
        met = value >= self.bound if self.higher_is_better else value <= self.bound
        return str(scale["scale"]), f"{value:,.1f}{self.unit}", "met" if met else "**not met**"


def _etl(scale: dict, loader: str, field: str) -> float:
    return scale["etl"][loader][field]


def _etl_ratio(scale: dict) -> float:
    return _etl(scale, "etl", "seconds") / _etl(scale, "duckdb", "seconds")


def _resubmission(scale: dict, field: str) -> float | None:
    return scale["resubmission"][field] if "resubmission" in scale else None


def _kpi_max(scale: dict, field: str) -> float | None:
    return max(k[field] for k in scale["kpis"]) if "kpis" in scale else None


def _worst_page(scale: dict) -> float | None:
    return max(p["warm_ms_p95"] for p in scale["pages"]) if "pages" in scale else None


TARGETS = (
    Target("ETL time ÷ raw DuckDB time (at most 2×)", _etl_ratio, 2, unit="×", scale=100),
    Target("ETL time ÷ raw DuckDB time (at most 2×)", _etl_ratio, 2, unit="×", scale=1000),
    Target("pandas + SQLite time ÷ ETL time (at least 2×)",
           lambda s: _etl(s, "pandas", "seconds") / _etl(s, "etl", "seconds"), 2,
           higher_is_better=True, unit="×"),
    Target("slowest KPI view p95 (under 50 ms)", lambda s: _kpi_max(s, "view_p95"), 50,
           unit=" ms"),
    Target("slowest KPI as the app reads it, p95 (under 50 ms)",
           lambda s: _kpi_max(s, "app_p95"), 50, unit=" ms"),
    Target("smallest SQLite ÷ DuckDB ratio over the KPI views (at least 10×)",
           lambda s: min(k["sqlite_ratio"] for k in s["kpis"]) if "kpis" in s else None, 10,
           higher_is_better=True, unit="×"),
    Target("overview data fetch p95 (under 150 ms)",
           lambda s: s["overview_fetch_ms"][1] if "overview_fetch_ms" in s else None, 150,
           unit=" ms"),
    Target("slowest page server-side, warm p95 (under 500 ms)", _worst_page, 500, unit=" ms"),
    Target("snapshot publish (under 60 s)",
           lambda s: s["publish"]["seconds"] if "publish" in s else None, 60, unit=" s"),
    Target("app memory, peak (under 1 GB)",
           lambda s: s["browser"]["app_peak_rss_mb"] if "browser" in s else None, 1024,
           unit=" MB"),
    Target("ETL peak memory (under 2 GB)", lambda s: _etl(s, "etl", "peak_mb"), 2048,
           unit=" MB", scale=100),
    Target("ETL peak memory (at most 2 GB)", lambda s: _etl(s, "etl", "peak_mb"), 2048,
           unit=" MB", scale=1000),
    Target("resubmitting one consortium-quarter (under 10 s)",
           lambda s: _resubmission(s, "seconds"), 10, unit=" s", scale=1000),
)


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _n(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def _sizes(scales: list[dict]) -> list[str]:
    names = ("students", "publications", "dispatches", "destinations", "projects")
    industry = ("support", "patents", "transfers", "artefacts")
    rows = [[s["scale"], *(f"{s['generated_rows'][n]:,}" for n in names),
             # results recorded before the industry datasets existed have none
             f"{sum(s['generated_rows'].get(n, 0) for n in industry):,}",
             f"{s['etl']['etl']['rows']:,}", _n(s["input_mb"])] for s in scales]
    return _table(["scale", "student rows", "publication rows", "dispatch rows",
                   "destination rows", "project rows",
                   "industry rows (support, patents, transfers, releases)", "rows read",
                   "input MB"], rows)


def _etl_table(scales: list[dict]) -> list[str]:
    rows = []
    for s in scales:
        etl, raw, lite = (s["etl"][k] for k in ("etl", "duckdb", "pandas"))
        again = s.get("resubmission")
        measured = s.get("etl_measured", {})
        when = (f"{measured['date']}, load {measured['load average at start'].split()[0]}"
                if measured else "with the suite")
        rows.append([s["scale"], when, f"{etl['rows']:,}",
                     f"{_n(etl['seconds'], 2)} s ({etl['rows_per_second']:,.0f}/s)",
                     f"{_n(raw['seconds'], 2)} s ({raw['rows_per_second']:,.0f}/s)",
                     f"{_n(lite['seconds'], 2)} s ({lite['rows_per_second']:,.0f}/s)",
                     f"{etl['seconds'] / raw['seconds']:.1f}×",
                     f"{lite['seconds'] / etl['seconds']:.1f}×",
                     f"{etl['peak_mb']:,.0f} / {raw['peak_mb']:,.0f} / {lite['peak_mb']:,.0f}",
                     f"{_n(again['seconds'], 2)} s, {again['peak_mb']:,.0f} MB" if again
                     else "–"])
    return _table(["scale", "measured", "rows", "product ETL", "raw DuckDB", "pandas + SQLite",
                   "ETL ÷ raw", "pandas ÷ ETL", "peak MB (ETL / raw / pandas)",
                   "resubmit one consortium-quarter"], rows)


def _kpi_summary(scales: list[dict]) -> list[str]:
    rows = []
    for s in scales:
        if "kpis" not in s:
            continue
        slowest = max(s["kpis"], key=lambda k: k["view_p95"])
        ratios = sorted(k["sqlite_ratio"] for k in s["kpis"])
        fetch = s["overview_fetch_ms"]
        rows.append([s["scale"], f"{_n(slowest['view_p95'])} ms ({slowest['kpi_id']})",
                     f"{_n(ratios[0])}× / {_n(ratios[len(ratios) // 2])}×",
                     f"{_n(_kpi_max(s, 'app_p95') or 0)} ms",
                     f"{_n(fetch[0])} / {_n(fetch[1])} ms"])
    return _table(["scale", "slowest KPI view p95", "SQLite ÷ DuckDB (min / median)",
                   "slowest app read p95", "overview fetch p50 / p95"], rows)


def _ratio(kpi: dict) -> str:
    """SQLite ÷ DuckDB, saying so where SQLite's lower fixed cost wins on a small input."""
    ratio = f"{_n(kpi['sqlite_ratio'])}×"
    return f"{ratio} (SQLite faster: small input)" if kpi["sqlite_ratio"] < 1 else ratio


def _kpi_detail(scale: dict) -> list[str]:
    rows = [[k["kpi_id"], f"{k.get('rows_read', 0):,}" if "rows_read" in k else "–",
             f"{_n(k['view_p50'])} / {_n(k['view_p95'])}",
             f"{_n(k['sqlite_p50'])} / {_n(k['sqlite_p95'])}", _ratio(k),
             f"{_n(k['app_p50'])} / {_n(k['app_p95'])}"] for k in scale["kpis"]]
    return _table(["KPI", "rows read", "view p50 / p95 ms", "SQLite p50 / p95 ms",
                   "SQLite ÷ DuckDB", "app read p50 / p95 ms"], rows)


def _kpi_run(suite: Suite) -> list[str]:
    """Where the KPI figures come from when they were measured apart from the suite."""
    run = suite.get("kpi_run")
    if run is None:
        return []
    where = run["machine"]
    return [f"The KPI figures were measured apart from the rest of the suite, by `{run['command']}`"
            f" on {where['date']} ({where['cpu']}, {where['memory']}, load average at start "
            f"{where['load average at start']}).", ""]


def _pages(scales: list[dict]) -> list[str]:
    lines = []
    for s in scales:
        if "pages" not in s:
            continue
        ready = {p["page"]: p for p in s["browser"]["pages"]}
        rows = [[p["page"], _n(p["cold_ms"], 0), f"{_n(p['warm_ms_p50'], 0)} / "
                 f"{_n(p['warm_ms_p95'], 0)}",
                 f"{_n(ready[p['page']]['ready_ms_p50'], 0)} / "
                 f"{_n(ready[p['page']]['ready_ms_p95'], 0)}" if p["page"] in ready else "–"]
                for p in s["pages"]]
        lines += [f"Scale {s['scale']}: app server memory {_n(s['browser']['app_rss_mb'], 0)} MB"
                  f" after the visits, peak {_n(s['browser']['app_peak_rss_mb'], 0)} MB.", ""]
        lines += _table(["page", "server cold ms", "server warm p50 / p95 ms",
                         "Chromium ready p50 / p95 ms"], rows)
    return lines


def _publish(scales: list[dict]) -> list[str]:
    rows = [[s["scale"], s["publish"]["period"], f"{_n(s['publish']['seconds'])} s",
             f"{_n(s['publish']['peak_mb'], 0)} MB", f"{_n(s['publish']['snapshot_mb'])} MB"]
            for s in scales if "publish" in s]
    return _table(["scale", "quarter", "publish (all artefacts)", "peak memory",
                   "snapshot size"], rows)


def markdown(suite: Suite) -> str:
    """The whole page."""
    scales = suite["scales"]
    with_kpis = [s for s in scales if "kpis" in s]
    lines = ["# Benchmarks", "",
             "Generated by `" + suite["command"].strip() + "` (see `make bench`, "
             "`make bench-full`); what the figures mean and what was done about them is in "
             "[performance.md](performance.md). Every time is the median of "
             f"{suite['runs']} runs (KPI queries: p50/p95 of at least 10, overview fetch of at "
             "least 20), each beside its baseline measured in the same run.", "",
             "## Machine", ""]
    lines += _table(["", ""], [[k, v] for k, v in suite["machine"].items()])
    lines += [f"The suite took {suite['minutes']:.1f} minutes.", ""]
    for later in suite.get("later_runs", []):
        lines += [f"Load figures of the scales it names (date in the ETL table) from a later "
                  f"`{later}` on the same machine.", ""]
    lines += ["## Data", "",
              "Synthetic submissions from `python -m etl.sample_bulk --scale N` (UTF-8 CSV with "
              "the contract's Korean headers, one folder per consortium and quarter).", ""]
    lines += _sizes(scales)
    lines += ["## ETL", "", "Full load into a fresh warehouse (validation, quarantine, "
              "pseudonymisation, de-duplication, marts, KPIs, checks, publish) beside DuckDB "
              "reading the same CSV bytes into tables and pandas + SQLite appending them; then "
              "the latest quarter of one consortium resubmitted (one row fewer) into the full "
              "warehouse. Peak memory is the process's resident peak.", ""]
    lines += _etl_table(scales)
    if with_kpis:
        largest = max(with_kpis, key=lambda s: s["scale"])
        lines += ["## KPI queries", "", "View: the KPI computed from the marts. SQLite: the "
                  "same SQL over a SQLite copy of the same marts. App read: the scorecard "
                  "query a page runs for one KPI. Rows read: the rows of the tables the view "
                  "reads.", ""]
        lines += _kpi_run(suite)
        lines += _kpi_summary(scales)
        lines += [f"Every KPI at scale {largest['scale']}:", ""]
        lines += _kpi_detail(largest)
    if any("pages" in s for s in scales):
        lines += ["## Pages", "", "Server side: the page script run by AppTest through "
                  "dashboard.py, cold in a fresh process and warm on reruns. Chromium: from "
                  "navigation to a fully drawn page (every chart drawn) against the real "
                  "server, a fresh browser context per visit.", ""]
        lines += _pages(scales)
    if any("publish" in s for s in scales):
        lines += ["## Snapshot reports", ""]
        lines += _publish(scales)
    lines += ["## Targets", "", "Each target at the scale it is set for, else at the largest "
              "scale where it was measured.", ""]
    rows = [[t.wording, *t.check(scales)] for t in TARGETS]
    lines += _table(["target", "scale", "measured", "status"], rows)
    return "\n".join(lines)
