"""Publication lists from reference managers, turned into the contract's text columns.

BibTeX is parsed with bibtexparser (LaTeX accents and braces decoded). Project numbers are taken
from the acknowledgement text, because that is where Korean practice records them.
"""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
import polars as pl
from bibtexparser import middlewares as mw

from etl.contract import PUBLICATIONS
from etl.problems import FileProblem
from etl.readers import ROW

PROJECT_NUMBER = re.compile(r"(?<!\d)\d{10}(?!\d)")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
FUNDING_FIELDS = ("funding", "funding-acknowledgement", "funding-text", "acknowledgement",
                  "acknowledgements", "note")


def project_numbers(text: str | None) -> str | None:
    """Every 10-digit national project number in an acknowledgement, ';'-separated."""
    if not text:
        return None
    found = list(dict.fromkeys(PROJECT_NUMBER.findall(text)))
    return "; ".join(found) if found else None


def _month(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower()
    return str(MONTHS[value[:3]]) if value[:3] in MONTHS else value


def _bibtex_rows(text: str) -> list[dict[str, str | int | None]]:
    library = bibtexparser.parse_string(
        text, append_middleware=[mw.LatexDecodingMiddleware(), mw.SeparateCoAuthors(),
                                 mw.NormalizeFieldKeys()])
    rows = []
    for entry in library.entries:
        fields = {f.key.lower(): f.value for f in entry.fields}
        authors = fields.get("author") or []
        if isinstance(authors, str):
            authors = [authors]
        funding = " ".join(str(fields[k]) for k in FUNDING_FIELDS if fields.get(k))
        eprint = fields.get("eprint") if str(fields.get("archiveprefix", "")).lower() == "arxiv" \
            else None
        rows.append({
            ROW: entry.start_line + 1,
            "title": fields.get("title"),
            "year": fields.get("year"),
            "month": _month(fields.get("month")),
            "venue": fields.get("journal") or fields.get("booktitle") or fields.get("publisher"),
            "doi": fields.get("doi"),
            "arxiv_id": eprint,
            "authors": "; ".join(_display_name(a) for a in authors) or None,
            "affiliations": fields.get("affiliation") or fields.get("affiliations"),
            "is_open_access": fields.get("openaccess") or fields.get("oa"),
            "acknowledged_projects": project_numbers(funding),
        })
    if library.failed_blocks and not rows:
        raise FileProblem("", "corrupt_bibtex", "no BibTeX entry could be parsed",
                          "BibTeX 항목을 하나도 읽을 수 없습니다")
    return rows


def _display_name(author: str) -> str:
    """'Kim, Minjun' -> 'Minjun Kim', as names are matched in given-family order."""
    if "," in author:
        family, _, given = author.partition(",")
        return f"{given.strip()} {family.strip()}".strip()
    return author.strip()


def _frame(rows: list[dict[str, str | int | None]]) -> pl.DataFrame:
    columns = [c.name for c in PUBLICATIONS.columns]
    schema = {ROW: pl.Int64, **{c: pl.String for c in columns}}
    normalised = [{k: (None if v in (None, "") else (v if k == ROW else str(v).strip()))
                   for k, v in r.items()} for r in rows]
    return pl.DataFrame(normalised, schema=schema, orient="row") if normalised else \
        pl.DataFrame(schema=schema)


def read_publication_file(path: Path) -> pl.DataFrame:
    """A BibTeX file as text columns of the publications contract."""
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(path.name, "undecodable", "publication files must be UTF-8",
                          "논문 파일은 UTF-8이어야 합니다") from None
    if suffix == ".bib":
        try:
            return _frame(_bibtex_rows(text))
        except FileProblem as problem:
            raise FileProblem(path.name, problem.code, problem.message_en,
                              problem.message_ko) from None
    raise FileProblem(path.name, "unknown_format", f"'{suffix}' publication files are not "
                      "supported yet", f"'{suffix}' 논문 파일은 아직 지원하지 않습니다")
