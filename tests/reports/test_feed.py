"""The release feeds list every published snapshot once, and the public one only public files.

The session's publishes (tests/conftest.py `published`: the year 2024, then 2025-Q2) each rewrite
`feed.xml` (internal edition) and `feed-public.xml` beside the snapshots. Each entry has the
period, the program's headline figures as that edition printed them (so a small count stays
hidden in the public feed), and links to the edition's HTML and PDF reports that resolve to real
files; the public feed never points into an internal folder.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reports import feed
from reports.__main__ import main

ATOM = "{http://www.w3.org/2005/Atom}"


def test_each_feed_has_one_entry_per_snapshot_newest_first(published: dict) -> None:
    for name in feed.FEEDS.values():
        entries = feed.read(published["root"] / name)
        assert [e.snapshot_id for e in entries] == ["2025-Q2", "2024"]
        assert [e.period for e in entries] == ["2025-Q2", "2024-Q4"]
        assert entries[0].updated >= entries[1].updated
        assert "2025 Q2 (year to date)" in entries[0].title
        assert "Year 2024" in entries[1].title


@pytest.mark.parametrize("edition", ["internal", "public"])
def test_every_link_resolves_to_a_report_of_that_edition(published: dict, edition: str) -> None:
    root: Path = published["root"]
    for entry in feed.read(root / feed.FEEDS[edition]):
        assert set(entry.links) == {"html-ko", "html-en", "pdf-ko", "pdf-en"}
        for href in entry.links.values():
            assert href.startswith(f"{entry.snapshot_id}/{edition}/report-"), href
            assert (root / href).is_file(), href


def test_the_public_feed_never_links_or_quotes_internal_figures(published: dict) -> None:
    text = (published["root"] / "feed-public.xml").read_text("utf-8")
    assert "internal" not in text.replace("urn:outcomes:feed:public", "")
    newest = feed.read(published["root"] / "feed-public.xml")[0]
    # four active students in 2025-Q2: exact in the internal feed, hidden in the public one
    assert "Active students <5" in newest.summary
    internal = feed.read(published["root"] / "feed.xml")[0]
    assert "Active students 4" in internal.summary
    assert "참여 학생 수 4명" in internal.summary


def test_a_base_url_makes_the_links_absolute(published: dict,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTCOMES_PUBLIC_FEED_BASE_URL", "https://example.go.kr/outcomes")
    document = ET.fromstring(feed.atom("public", published["root"]))
    assert document.get("{http://www.w3.org/XML/1998/namespace}base") == \
        "https://example.go.kr/outcomes/"
    assert document.find(f"{ATOM}entry/{ATOM}link").get("href").startswith("2025-Q2/public/")
    internal = ET.fromstring(feed.atom("internal", published["root"]))
    assert internal.get("{http://www.w3.org/XML/1998/namespace}base") is None


def test_the_feed_command_rewrites_both_feeds(published: dict,
                                              capsys: pytest.CaptureFixture) -> None:
    (published["root"] / "feed.xml").unlink()
    assert main(["feed"]) == 0
    entries = feed.read(published["root"] / "feed.xml")
    assert [e.snapshot_id for e in entries] == ["2025-Q2", "2024"]
    assert "feed-public.xml" in capsys.readouterr().out
