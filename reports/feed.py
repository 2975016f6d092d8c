"""The release feeds: an Atom document per edition listing every published snapshot.

`feed.xml` (internal edition) and `feed-public.xml` (public edition) sit in the snapshot root,
beside the snapshot folders, and are rewritten under the publish lock after every publish. An
entry per snapshot gives its title and period, the headline KPIs of the program as that
edition printed them (the public entry reads the public manifest, so a withheld figure stays
withheld), the consortia missing at a final deadline, and links to its HTML and PDF reports.
The public feed links public files only; links are relative to the feed unless a base URL is
configured (config.feed_base_urls), so the root can be served or copied as it is.
"""

from __future__ import annotations

import json
import os
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import config
from reports import snapshots
from reports.data import PROGRAM, cell_text
from reports.snapshots import Snapshot
from reports.text import label
from warehouse import catalogue

ATOM = "http://www.w3.org/2005/Atom"
FEEDS = {"internal": "feed.xml", "public": "feed-public.xml"}
#: the program figures an entry's summary quotes (those the catalogue still holds)
HEADLINE_KPIS = ("active_students", "degrees_awarded", "dispatched_researchers",
                 "acknowledged_publications")


@dataclass(frozen=True)
class Entry:
    """One feed entry as read back: which snapshot, when, what it says and where its files are."""

    snapshot_id: str
    title: str
    period: str
    updated: str
    summary: str
    links: dict[str, str]  # "html-ko", "pdf-en", ... -> href


def _tag(name: str) -> str:
    """An Atom element name as a parsed feed spells it."""
    return f"{{{ATOM}}}{name}"


def _headline(kpis: list[dict[str, Any]], language: str) -> str:
    rows = {r["kpi_id"]: r for r in kpis if r["consortium_id"] == PROGRAM}
    wanted = [k for k in HEADLINE_KPIS if k in rows and k in catalogue.kpi_ids()]
    return ", ".join(f"{catalogue.kpi(k).name(language)} {cell_text(rows[k], 'value', language)}"
                     for k in wanted)


def _period_label(manifest: dict[str, Any], language: str) -> str:
    year, quarter = manifest["period"].split("-Q")
    if manifest.get("kind") == "year":
        return label("period_year", language, year=year, period=manifest["period"])
    return label("period_quarter", language, year=year, quarter=quarter)


def _versions(snapshot: Snapshot, directory: Path) -> list[str]:
    folder = directory / snapshots.VERSIONS / snapshot.id
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def _stamp(version: str) -> str:
    """A version folder's name (20261030T010203Z-ab12cd34) as an Atom date."""
    when = datetime.strptime(version.split("-")[0], "%Y%m%dT%H%M%SZ")
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _summary(snapshot: Snapshot, edition_manifest: dict[str, Any], versions: int) -> str:
    lines = []
    for language in ("ko", "en"):
        lines.append(f"{label('program_total', language)}: "
                     f"{_headline(edition_manifest['kpis'], language)}")
    missing = snapshot.manifest.get("consortia_missing") or {}
    if missing:
        lines.append("missing / 미제출: " + ", ".join(
            f"{c} ({', '.join(q)})" for c, q in missing.items()))
    if versions > 1:
        lines.append(f"republished: version {versions} / 재발행: {versions}판")
    return "\n".join(lines)


def _entry(feed: ET.Element, snapshot: Snapshot, edition: str, directory: Path) -> None:
    manifest = snapshot.manifest
    edition_manifest = manifest if edition == "internal" else json.loads(
        snapshot.file(f"public/{snapshots.MANIFEST}").read_text("utf-8"))
    versions = _versions(snapshot, directory)
    entry = ET.SubElement(feed, "entry")
    ET.SubElement(entry, "id").text = f"urn:outcomes:snapshot:{snapshot.id}:{edition}"
    ET.SubElement(entry, "title").text = (
        f"{_period_label(manifest, 'ko')} · {_period_label(manifest, 'en')}")
    ET.SubElement(entry, "published").text = _stamp(versions[0])
    ET.SubElement(entry, "updated").text = _stamp(snapshot.path.name)
    ET.SubElement(entry, "category", term=manifest["period"],
                  label=manifest.get("kind", "quarter"))
    ET.SubElement(entry, "summary").text = _summary(snapshot, edition_manifest, len(versions))
    for kind, media in (("html", "text/html"), ("pdf", "application/pdf")):
        for language in ("ko", "en"):
            relative = f"{edition}/report-{language}.{kind}"
            if not snapshot.file(relative).is_file():
                continue
            ET.SubElement(entry, "link", rel="alternate" if kind == "html" else "enclosure",
                          type=media, hreflang=language, title=f"{kind}-{language}",
                          href=f"{snapshot.id}/{relative}",
                          length=str(snapshot.file(relative).stat().st_size))


def atom(edition: str, directory: Path | None = None) -> bytes:
    """The Atom document of one edition over every snapshot published under `directory`."""
    directory = directory or snapshots.root()
    base = config.feed_base_urls()[0 if edition == "internal" else 1]
    feed = ET.Element("feed", xmlns=ATOM)
    if base:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base.rstrip("/") + "/")
    ET.SubElement(feed, "id").text = f"urn:outcomes:feed:{edition}"
    ET.SubElement(feed, "title").text = (
        f"{label('title', 'ko')} · {label(edition, 'ko')} / {label(edition, 'en')}")
    ET.SubElement(feed, "link", rel="self", href=FEEDS[edition])
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = "과학기술정보통신부 / Ministry of Science and ICT"
    updated = ET.SubElement(feed, "updated")
    listed = sorted(snapshots.list_snapshots(directory),
                    key=lambda s: (s.path.name, s.id), reverse=True)
    for snapshot in listed:
        _entry(feed, snapshot, edition, directory)
    updated.text = _stamp(listed[0].path.name) if listed else "1970-01-01T00:00:00Z"
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feeds(directory: Path | None = None) -> dict[str, Path]:
    """Rewrite both feeds atomically (a reader sees the old feed or the new one)."""
    directory = directory or snapshots.root()
    written = {}
    for edition, name in FEEDS.items():
        temporary = directory / f".{name}.{uuid.uuid4().hex}"
        temporary.write_bytes(atom(edition, directory))
        os.replace(temporary, directory / name)
        written[edition] = directory / name
    return written


def read(path: Path) -> list[Entry]:
    """A feed's entries, newest update first (an absent feed has none)."""
    if not path.is_file():
        return []
    root = ET.parse(path).getroot()
    entries = []
    for node in root.iter(_tag("entry")):
        category = node.find(_tag("category"))
        entries.append(Entry(
            snapshot_id=(node.findtext(_tag("id")) or "").split(":")[3],
            title=node.findtext(_tag("title")) or "",
            period=category.get("term", "") if category is not None else "",
            updated=node.findtext(_tag("updated")) or "",
            summary=node.findtext(_tag("summary")) or "",
            links={link.get("title", ""): link.get("href", "")
                   for link in node.iter(_tag("link"))}))
    return sorted(entries, key=lambda e: (e.updated, e.snapshot_id), reverse=True)
