"""RIS files and Web of Science tagged exports, read with rispy.

RIS (`TY  - JOUR` ... `ER  - `) comes from EndNote, Zotero, Mendeley, Scopus and Korean
databases; Web of Science's plain-text export (`FN Clarivate Analytics Web of Science`, records
`PT J` ... `ER`) is read with rispy's WokParser. The file is cut into records here, so each row
points at the line where its record starts, and a record that never ends (a file cut off, or a
missing `ER`) stops the file with that line named instead of being dropped without a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import rispy
from rispy.config import LIST_TYPE_TAGS, WOK_LIST_TYPE_TAGS, WOK_TAG_KEY_MAPPING

from etl.problems import FileProblem
from etl.publication_fields import (
    MONTHS,
    PublicationRow,
    arxiv_id,
    display_name,
    funding_text,
    joined,
    month_number,
    organisation,
)
from etl.readers import ROW

RIS_TAG = re.compile(r"^([A-Z][A-Z0-9])  -")
WOS_TAG = re.compile(r"^([A-Z][A-Z0-9])(?: |$)")
#: repeated address lines are one affiliation each, not one run-on text
RIS_LIST_TAGS = [*LIST_TYPE_TAGS, "AD"]
WOS_LIST_TAGS = [*WOK_LIST_TYPE_TAGS, "C1"]
WOS_HEADER_TAGS = {"FN", "VR", "EF"}
#: rispy's WoS mapping has no slot for tags it does not know (newer exports add C3, EI, ...)
#: and fails on the first one; give them one
WOS_MAPPING = {**WOK_TAG_KEY_MAPPING, "UK": "unknown_tag"}


def is_web_of_science(text: str) -> bool:
    """True for Web of Science's tagged export, which starts with `FN` (or `PT` when cut)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return first.startswith(("FN ", "PT "))


def _records(text: str, tag_of: Callable[[str], str | None], start: str,
             file_name: str, skip: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(line where the record starts, its text) for every record from `start` to `ER`."""
    records: list[tuple[int, str]] = []
    current: list[str] | None = None
    first_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        tag = tag_of(line)
        if current is None:
            if tag == start:
                current, first_line = [line], number
            elif tag is not None and tag not in skip:
                raise _malformed(file_name, number, f"tag {tag} outside a record (a record "
                                 f"starts with {start})")
            continue
        if tag == start:
            raise _malformed(file_name, first_line, f"the record has no ER line before the "
                             f"next record at line {number}")
        current.append(line)
        if tag == "ER":
            records.append((first_line, "\n".join(current)))
            current = None
    if current is not None:
        raise _malformed(file_name, first_line,
                         "the record never ends (no ER line): the file may be cut off")
    if not records:
        raise FileProblem(file_name, "corrupt_ris", f"no record found (records start with "
                          f"'{start}' and end with 'ER')", f"레코드가 없습니다 ('{start}'로 "
                          "시작해 'ER'로 끝나야 합니다)")
    return records


def _malformed(file_name: str, line: int, why: str) -> FileProblem:
    return FileProblem(file_name, "corrupt_ris", f"line {line}: {why}",
                       f"{line}행: 레코드 형식이 올바르지 않습니다 ({why})")


def _tag(pattern: re.Pattern[str]) -> Callable[[str], str | None]:
    def tag_of(line: str) -> str | None:
        match = pattern.match(line)
        return match.group(1) if match else None
    return tag_of


def _wos_month(published: str | None) -> str | None:
    """'MAR 15 2025' -> '3'; seasons ('SPR 2025') and bare years carry no month."""
    text = (published or "")[:3].lower()
    return str(MONTHS[text]) if text in MONTHS else None


def _first(record: dict, *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = next((v for v in value if v), None)
        if value:
            return str(value)
    return None


def _list(record: dict, key: str) -> list[str]:
    value = record.get(key) or []
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def ris_rows(text: str, file_name: str) -> list[PublicationRow]:
    """One row per RIS record; `_row` is the line of its `TY` tag."""
    rows = []
    for line, chunk in _records(text, _tag(RIS_TAG), "TY", file_name):
        [record] = rispy.loads(chunk, list_tags=RIS_LIST_TAGS)
        unknown = record.get("unknown_tag") or {}
        date = _first(record, "date", "year", "publication_year") or ""
        parts = [p for p in re.split(r"[/\-.]", date) if p.strip()]
        year = _first(record, "year", "publication_year") or ""
        rows.append({
            ROW: line,
            "title": _first(record, "title", "primary_title"),
            "year": re.split(r"[/\-.]", year)[0] or None,
            "month": month_number(parts[1]) if len(parts) > 1 else None,
            "venue": _first(record, "secondary_title", "journal_name", "alternate_title3")
            or _first(unknown, "BT") or _first(record, "alternate_title1", "publisher"),
            "doi": _first(record, "doi"),
            "arxiv_id": arxiv_id(*_list(record, "urls"), _first(record, "accession_number"),
                                 *_list(record, "notes"), _first(record, "doi")),
            "authors": joined(display_name(a) for a in
                              _list(record, "authors") or _list(record, "first_authors")),
            "affiliations": joined(organisation(a) for a in _list(record, "author_address")),
            "is_open_access": None,
            "acknowledged_projects": funding_text(
                [*_list(record, "notes"), *_list(unknown, "FU"), *_list(unknown, "FX"),
                 record.get("note")]),
        })
    return rows


def wos_rows(text: str, file_name: str) -> list[PublicationRow]:
    """One row per Web of Science record; `_row` is the line of its `PT` tag."""
    rows = []
    records = _records(text, _tag(WOS_TAG), "PT", file_name, skip=frozenset(WOS_HEADER_TAGS))
    for line, chunk in records:
        [record] = rispy.loads(chunk, implementation=rispy.WokParser,
                               mapping=WOS_MAPPING, list_tags=WOS_LIST_TAGS)
        authors = _list(record, "author_full_name") or _list(record, "authors")
        rows.append({
            ROW: line,
            "title": _first(record, "document_title"),
            "year": _first(record, "publication_year", "early_access_year"),
            "month": _wos_month(_first(record, "publication_date")),
            "venue": _first(record, "publication_name", "conference_title"),
            "doi": _first(record, "doi"),
            "arxiv_id": None,
            "authors": joined(display_name(a) for a in authors),
            "affiliations": joined(organisation(a, abbreviated=True)
                                   for a in _list(record, "author_address")),
            "is_open_access": "true" if record.get("open_access_indicator") else None,
            "acknowledged_projects": funding_text(
                [record.get("funding_agency_and_grant_number"), record.get("funding_text")]),
        })
    return rows
