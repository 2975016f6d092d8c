"""Publishing a snapshot: one quarter (or year) of the warehouse, frozen with its reports.

Everything is read from one pinned warehouse version through warehouse.queries and
warehouse.snapshot, so a load that lands mid-publish changes nothing in the snapshot. The new
snapshot is written into a fresh folder and switched in only when complete (reports.snapshots);
an existing snapshot is refused unless `replace` is given, and is then kept beside the new one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reports import charts, content, excel, feed, manifest, render, snapshots
from reports.data import EDITIONS, ReportData, edition_rows
from reports.disclosure import RULES, DisclosureRules
from reports.industry import transfer_fees, year_support
from reports.text import LANGUAGES
from warehouse import queries
from warehouse.snapshot import PinnedReader, frozen_relations, relation_until, write_parquet

Progress = Callable[[str], None]
PERIOD = re.compile(r"^(\d{4})-Q([1-4])$")
PUBLIC_COLUMNS = ("kpi_id", "consortium_id", "period", "value", "value_flag", "numerator",
                  "numerator_flag", "denominator", "denominator_flag", "target_value",
                  "projected_value", "status")
STEPS = 7


class NoData(Exception):
    """The warehouse holds no figures for the asked period."""


class BadPeriod(ValueError):
    """A period that is not written like 2026-Q3."""


def _quiet(message: str) -> None:
    """Progress that says nothing."""


def resolve(periods: list[str], period: str | None = None,
            year: int | None = None) -> tuple[str, str, str]:
    """(quarter, kind, snapshot id) for --period or --year; NoData with the quarters there are."""
    span = f"{periods[0]} to {periods[-1]}" if periods else "none"
    if year is not None:
        in_year = [p for p in periods if p.startswith(f"{year}-Q")]
        if not in_year:
            raise NoData(f"no data for {year}: the warehouse has quarters {span}. Load that "
                         "year's submissions first (python -m etl load <folder>).")
        return in_year[-1], "year", str(year)
    if period is None or not PERIOD.match(period):
        raise BadPeriod(f"a period looks like 2026-Q3, not {period!r}")
    if period not in periods:
        raise NoData(f"no data for {period}: the warehouse has quarters {span}. Load that "
                     "quarter's submissions first (python -m etl load <folder>), or choose "
                     "one of those quarters.")
    return period, "quarter", period


def read_data(reader: PinnedReader, period: str, kind: str, snapshot_id: str,
              missing: dict[str, tuple[str, ...]] | None = None) -> ReportData:
    """Every figure the reports need, from one warehouse version."""
    info = queries.build_info(reader)
    loaded = info.get("data_loaded_at")
    return ReportData(
        snapshot_id=snapshot_id, kind=kind, period=period,
        current=queries.scorecard(period, None, reader),
        history=queries.scorecard_until(period, reader),
        consortia=queries.consortia(reader),
        data_loaded_at=loaded.isoformat(sep=" ", timespec="seconds") if loaded else "",
        warehouse_version=reader.version(), code_version=manifest.code_version(),
        missing=dict(missing or {}),
        industry_flow=queries.industry_flow(period, None, reader),
        industry_support=year_support(queries.industry_support(period, None, reader), period),
        industry_fees=transfer_fees(queries.industry_records("transfers", period, None, reader)))


def _write_data(folder: Path, reader: PinnedReader, data: ReportData,
                rules: DisclosureRules) -> dict[str, int]:
    counts = {}
    for relation in frozen_relations(reader):
        frame = relation_until(reader, relation, data.period)
        write_parquet(frame, folder / "internal" / "data" / f"{relation}.parquet")
        counts[relation] = frame.height
    public = edition_rows(data, "public", rules).select(PUBLIC_COLUMNS).sort(
        "kpi_id", "consortium_id")
    write_parquet(public, folder / "public" / "data" / "kpi_values.parquet")
    catalogue_frame = relation_until(reader, "kpi_catalogue", data.period)
    write_parquet(catalogue_frame, folder / "public" / "data" / "kpi_catalogue.parquet")
    return counts


def _write_reports(folder: Path, data: ReportData, rules: DisclosureRules,
                   progress: Progress, step: Callable[[str], str]) -> None:
    views = {(e, lang): content.report_view(data, e, lang, rules)
             for e in EDITIONS for lang in LANGUAGES}
    figures = {chart["key"]: chart["figure"] for view in views.values()
               for domain in view["domains"] for chart in domain["charts"]}
    progress(step(f"rendering {len(figures)} charts as SVG"))
    svgs = charts.render_svgs(figures)
    progress(step("writing HTML reports"))
    for (edition, lang), view in views.items():
        (folder / edition / f"report-{lang}.html").write_text(render.html(view), "utf-8")
    progress(step(f"writing {len(views)} PDF reports"))
    documents = {key: render.html(view, "pdf", svgs) for key, view in views.items()}
    for (edition, lang), document in render.pdfs(documents).items():
        (folder / edition / f"report-{lang}.pdf").write_bytes(document)
    progress(step("writing Excel workbooks"))
    for edition, lang in views:
        excel.write_workbook(folder / edition / f"kpis-{lang}.xlsx", data, edition, lang, rules)


def _manifests(folder: Path, data: ReportData, counts: dict[str, int],
               rules: DisclosureRules) -> dict[str, Any]:
    public_rows = edition_rows(data, "public", rules)
    public = {"snapshot_id": data.snapshot_id, "kind": data.kind, "period": data.period,
              "edition": "public", "code_version": data.code_version,
              "consortia_missing": data.missing,
              "disclosure_rules": rules.as_dict(), "kpis": manifest.kpi_values(
                  public_rows.select([c for c in public_rows.columns if c != "period"])),
              "files": manifest.file_hashes(folder / "public", skip=(snapshots.MANIFEST,))}
    manifest.write(folder / "public" / snapshots.MANIFEST, public)
    return {
        "snapshot_id": data.snapshot_id, "kind": data.kind, "period": data.period,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "code_version": data.code_version, "warehouse_version": data.warehouse_version,
        "data_loaded_at": data.data_loaded_at,
        "consortia_reporting": sorted(set(data.current["consortium_id"]) - {"ALL"}),
        "consortia_missing": data.missing,
        "disclosure_rules": rules.as_dict(), "row_counts": counts,
        "kpis": manifest.kpi_values(data.current),
        "files": manifest.file_hashes(folder, skip=(snapshots.MANIFEST,)),
    }


def publish(period: str | None = None, year: int | None = None, replace: bool = False,
            directory: Path | None = None, progress: Progress = _quiet,
            rules: DisclosureRules = RULES, warehouse: Path | None = None,
            missing: dict[str, tuple[str, ...]] | None = None) -> snapshots.Snapshot:
    """Freeze one quarter (or the latest quarter of a year) into a new snapshot.

    `directory` is the snapshot root and `warehouse` the warehouse folder (both default to the
    configured ones). `missing` names the consortia (and their quarters) that had not submitted
    when a final deadline forced the edition out; the reports and manifests say so. The release
    feeds are rewritten once the snapshot is in.
    """
    started, done = time.monotonic(), [0]

    def step(message: str) -> str:
        done[0] += 1
        return f"[{done[0]}/{STEPS}] {message} ({time.monotonic() - started:.1f} s)"

    directory = directory or snapshots.root()
    reader = PinnedReader(warehouse)
    try:
        period, kind, snapshot_id = resolve(queries.periods(reader), period, year)
        snapshots.refuse_if_published(snapshot_id, replace, directory)
        progress(step(f"reading {period} from {reader.version()}"))
        data = read_data(reader, period, kind, snapshot_id, missing)
        # the publish lock (re-entrant: new_version takes it too) covers the feeds as well, so
        # no other publish rewrites them between this snapshot's switch and its entry
        with snapshots.publish_lock(directory):
            with snapshots.new_version(snapshot_id, replace, directory) as folder:
                progress(step("freezing tables and views as Parquet"))
                counts = _write_data(folder, reader, data, rules)
                _write_reports(folder, data, rules, progress, step)
                progress(step("writing manifests and switching the snapshot in"))
                manifest.write(folder / snapshots.MANIFEST,
                               _manifests(folder, data, counts, rules))
            feed.write_feeds(directory)
    finally:
        reader.close()
    published = snapshots.open_snapshot(snapshot_id, directory)
    assert published is not None
    return published
