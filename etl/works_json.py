"""OpenAlex and Crossref *works* JSON, as their APIs return them, read with the json module.

Accepted shapes: an OpenAlex work (`/works/W...` or `/works/doi:...`) or list (`{"results":
[...]}`), and a Crossref work (`{"message": {...}}`) or list (`{"message": {"items": [...]}}`);
a bare JSON list of works of either kind is read too. Each row's `_row` is the work's position in
the list (1 = first). Fields that are missing or of the wrong type become empty values for the
validator to report; only a file that is not JSON, or not a works response, stops the file.
OpenAlex gives ROR ids for affiliations: a ROR id in the reference list is written as that
institution's name, so the usual name matching links it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from etl.problems import FileProblem
from etl.publication_fields import (
    PublicationRow,
    arxiv_id,
    funding_text,
    institution_name,
    joined,
    organisation,
)
from etl.readers import ROW


def _at(data: Any, *path: str | int) -> Any:
    """data[path[0]][path[1]]..., or None where a step is missing or of another type."""
    for step in path:
        if isinstance(step, int) and isinstance(data, list) and -len(data) <= step < len(data):
            data = data[step]
        elif isinstance(step, str) and isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data


def _items(data: Any, *path: str) -> list[Any]:
    """The list at `path`, or an empty list."""
    found = _at(data, *path)
    return found if isinstance(found, list) else []


def _is_openalex(work: Any) -> bool:
    return isinstance(work, dict) and ("authorships" in work or str(
        work.get("id", "")).startswith("https://openalex.org/W"))


def _is_crossref(work: Any) -> bool:
    return isinstance(work, dict) and "DOI" in work


def works_rows(text: str, file_name: str, ror_names: Mapping[str, str]) -> list[PublicationRow]:
    """One row per work of an OpenAlex or Crossref works response."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(file_name, "corrupt_json",
                          f"not valid JSON (line {error.lineno}, column {error.colno}: "
                          f"{error.msg}); the download may be cut off",
                          f"올바른 JSON이 아닙니다 ({error.lineno}행 {error.colno}열). "
                          "내려받기가 중간에 끊겼을 수 있습니다") from None
    works = _works(data)
    if works is None:
        raise FileProblem(file_name, "unknown_json",
                          "not an OpenAlex or Crossref works response (expected a work, "
                          "{\"results\": [...]} or {\"message\": {\"items\": [...]}})",
                          "OpenAlex 또는 Crossref 논문(works) 응답이 아닙니다")
    rows = []
    for position, work in enumerate(works, start=1):
        if _is_crossref(work) and not _is_openalex(work):
            row = _crossref_row(work, ror_names)
        else:
            row = _openalex_row(work, ror_names)
        rows.append({ROW: position, **row})
    return rows


def _works(data: Any) -> list[Any] | None:
    """The works in a response, or None when it is not a works response at all."""
    if isinstance(data, list):
        return data if all(_is_openalex(w) or _is_crossref(w) for w in data) else None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("results"), list):
        return data["results"]
    message = data.get("message")
    if isinstance(message, dict) and isinstance(message.get("items"), list):
        return message["items"]
    if _is_crossref(message):
        return [message]
    if _is_openalex(data) or _is_crossref(data):
        return [data]
    return None


def _openalex_row(work: Any, ror_names: Mapping[str, str]) -> PublicationRow:
    authorships = _items(work, "authorships")
    institutions = [institution_name(_at(i, "ror"), _at(i, "display_name"), ror_names)
                    for a in authorships for i in _items(a, "institutions")]
    raw_affiliations = [organisation(str(text)) for a in authorships
                        for text in _items(a, "raw_affiliation_strings")
                        if not _items(a, "institutions")]
    locations = [_at(loc, "landing_page_url") for loc in _items(work, "locations")]
    awards = [_at(g, key) for g in [*_items(work, "grants"), *_items(work, "awards")]
              for key in ("award_id", "funder_award_id", "display_name")]
    published = str(_at(work, "publication_date") or "")
    return {
        "title": _at(work, "title") or _at(work, "display_name"),
        "year": _at(work, "publication_year"),
        "month": published[5:7] if len(published) >= 7 else None,
        "venue": _at(work, "primary_location", "source", "display_name")
        or _at(work, "host_venue", "display_name"),
        "doi": _at(work, "doi") or _at(work, "ids", "doi"),
        "arxiv_id": arxiv_id(*locations, _at(work, "doi")),
        "authors": joined(_at(a, "author", "display_name") or _at(a, "raw_author_name")
                          for a in authorships),
        "affiliations": joined([*institutions, *raw_affiliations]),
        "is_open_access": _at(work, "open_access", "is_oa"),
        "acknowledged_projects": funding_text(awards),
    }


def _crossref_date(work: Any) -> list[Any]:
    for key in ("published", "issued", "published-print", "published-online", "created"):
        parts = _at(work, key, "date-parts", 0)
        if isinstance(parts, list) and parts and parts[0] is not None:
            return parts
    return []


def _crossref_name(author: Any) -> str | None:
    given, family = _at(author, "given"), _at(author, "family")
    if given or family:
        return " ".join(str(p) for p in (given, family) if p)
    return _at(author, "name")


def _crossref_affiliation(affiliation: Any, ror_names: Mapping[str, str]) -> str | None:
    ror = next((_at(i, "id") for i in _items(affiliation, "id")
                if str(_at(i, "id-type")).upper() == "ROR"), None)
    name = _at(affiliation, "name")
    return institution_name(ror, organisation(str(name)) if name else None, ror_names)


def _first_text(value: Any) -> Any:
    """Crossref writes titles as lists: the first one, or the value itself."""
    return next(iter(value), None) if isinstance(value, list) else value


def _crossref_row(work: dict[str, Any], ror_names: Mapping[str, str]) -> PublicationRow:
    date = _crossref_date(work)
    authors = _items(work, "author")
    relations = [_at(r, "id") for rs in (_at(work, "relation") or {}).values()
                 if isinstance(rs, list) for r in rs if _at(r, "id-type") == "arxiv"] \
        if isinstance(_at(work, "relation"), dict) else []
    return {
        "title": _first_text(_at(work, "title")),
        "year": date[0] if date else None,
        "month": date[1] if len(date) > 1 else None,
        "venue": _first_text(_at(work, "container-title")) or _at(work, "event", "name")
        or _at(work, "institution", 0, "name"),
        "doi": _at(work, "DOI"),
        "arxiv_id": arxiv_id(*(f"arXiv:{r}" for r in relations if r)),
        "authors": joined(_crossref_name(a) for a in authors),
        "affiliations": joined(_crossref_affiliation(f, ror_names) for a in authors
                               for f in _items(a, "affiliation")),
        "is_open_access": None,
        "acknowledged_projects": funding_text(
            award for funder in _items(work, "funder") for award in _items(funder, "award")),
    }
