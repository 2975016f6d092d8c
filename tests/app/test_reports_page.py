"""The reports page lists snapshots, offers their files, and shows and compares published figures.

AppTest runs the real dashboard.py against the tiny program's two published snapshots (the year
2024 and the quarter 2025-Q2). The figures "as of" a snapshot must come from the snapshot's own
files: a copy of the snapshots whose frozen figures were altered shows the altered figures, and
the comparison flags an old quarter's figure that changed after publication, and such a
snapshot is named as out of date against the live warehouse. The page tells a returning browser
which editions are new since the visit its address remembers (`?seen=`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest
from shown import shown
from streamlit.testing.v1 import AppTest

from reports import feed
from reports.snapshots import SCORECARD

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
PAGE = "pages/reports.py"


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """The dashboard's sidebar reads the tiny program's warehouse."""


def open_page(query: dict[str, str] | None = None) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.run()
    app.switch_page(PAGE).run()
    return app


def metric_values(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


@pytest.mark.parametrize(("lang", "title", "restated"), [
    ("ko", "발행 보고서", "발행 후 수정된 값이 없습니다."),
    ("en", "Reports", "No figure changed after publication.")])
def test_the_reports_page_renders_in_both_languages(published: dict, lang: str, title: str,
                                                    restated: str) -> None:
    app = open_page({"lang": lang})
    assert not app.exception, app.exception
    assert app.title[0].value == title
    assert app.selectbox(key="snapshot").value == "2025-Q2", "newest first"
    assert len(app.get("download_button")) == 13, "12 reports and the manifest"
    assert app.metric, "the KPIs as published"
    assert restated in [c.value for c in app.caption]


def test_choosing_a_snapshot_shows_its_own_quarter(published: dict) -> None:
    app = open_page()
    assert metric_values(app)["학위 취득자 수"] == "0명"
    app.selectbox(key="snapshot").set_value("2024").run()
    assert not app.exception
    assert metric_values(app)["학위 취득자 수"] == "2명"
    assert app.selectbox(key="compare").value == "2025-Q2"


def test_figures_come_from_the_snapshot_and_restatements_are_flagged(
        published: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for snapshot in (published["older"], published["newer"]):
        shutil.copytree(snapshot.path, tmp_path / snapshot.id)
    frozen = pl.read_parquet(tmp_path / "2025-Q2" / SCORECARD)
    altered = (pl.col("kpi_id") == "degrees_awarded") & (pl.col("consortium_id") == "ALL")
    frozen.with_columns(pl.when(altered).then(7.0).otherwise(pl.col("value")).alias("value")
                        ).write_parquet(tmp_path / "2025-Q2" / SCORECARD)
    monkeypatch.setenv("OUTCOMES_SNAPSHOT_DIR", str(tmp_path))
    app = open_page({"lang": "en"})
    assert metric_values(app)["Degrees awarded"] == "7", "read from the snapshot's files"
    warnings = [w.value for w in app.warning]
    assert any("1 figure(s) changed after publication" in w for w in warnings)
    stale = next(w for w in warnings if "no longer match the data loaded since" in w)
    assert "2025-Q2 (published" in stale and "Degrees awarded 7 → 0" in stale, stale
    table = shown(app.dataframe[0])
    assert table[table["Restated"]]["KPI"].tolist() == ["Degrees awarded"]


def test_a_first_visit_is_remembered_in_the_address(published: dict) -> None:
    app = open_page({"lang": "en"})
    assert any("Keep this page's address" in c.value for c in app.caption)
    newest = max(e.updated for e in feed.read(published["root"] / "feed.xml"))
    assert app.query_params["seen"] == newest


def test_editions_published_since_the_last_visit_are_listed_as_new(published: dict) -> None:
    entries = feed.read(published["root"] / "feed.xml")
    oldest = min(e.updated for e in entries)
    before_both = "2000-01-01T00:00:00Z"
    app = open_page({"lang": "en", "seen": before_both})
    listed = "\n".join(m.value for m in app.markdown)
    assert "New since your last visit (2000-01-01 00:00:00 UTC)" in listed
    assert "**2025-Q2**" in listed and "**Year 2024 (to 2024-Q4)**" in listed
    assert "Program total: Active students 4" in listed
    assert app.query_params["seen"] == max(e.updated for e in entries)
    if oldest < entries[0].updated:
        since_older = open_page({"lang": "en", "seen": oldest})
        newer = "\n".join(m.value for m in since_older.markdown)
        assert "**2025-Q2**" in newer and "Year 2024" not in newer


def test_nothing_is_new_after_the_newest_edition_was_seen(published: dict) -> None:
    newest = max(e.updated for e in feed.read(published["root"] / "feed.xml"))
    app = open_page({"lang": "en", "seen": newest})
    assert any("Nothing new since your last visit" in c.value for c in app.caption)
    assert not any("New since your last visit" in m.value for m in app.markdown)
