"""What every publication reader shares: the row it produces and how common fields are read.

Each reader (BibTeX, RIS and Web of Science, OpenAlex and Crossref JSON) turns one record into a
`PublicationRow` of text values named after the PUBLICATIONS contract, plus `_row`: where the
submitter finds the record (the line where a BibTeX or RIS record starts, or a work's position in
a JSON list). Readers never judge values; the validator does. Every funding text a format offers
(where Korean practice records grant numbers) is passed on whole, for etl/grants.py to search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import polars as pl

from contract import PUBLICATIONS
from etl.grants import searched_text
from etl.readers import ROW

PublicationRow = dict[str, str | int | None]

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
ARXIV_IN_TEXT = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|arxiv:\s*|10\.48550/arxiv\.)"
    r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", re.IGNORECASE)
ROR_PREFIX = re.compile(r"^(https?://)?ror\.org/", re.IGNORECASE)

#: an address segment that names an organisation rather than a department, city or country
ORGANISATION = re.compile(r"univ|대학|institute|\binst\b|college|kaist|unist|postech|gist\b",
                          re.IGNORECASE)
COMPANY = re.compile(r"corp|\binc\b|\bltd\b|company|\bco\b|research|\blab|연구원|연구소|"
                     r"주식회사|컴퍼니|\(주\)", re.IGNORECASE)
SUB_UNIT = re.compile(r"^(dept|department|school of|graduate school|college of|division|"
                      r"faculty|center for|centre for|학과|학부|대학원)", re.IGNORECASE)
#: Web of Science abbreviates organisation names; spelled out, the reference list matches them
WOS_WORDS = ((r"\bInst Sci & Technol\b", "Institute of Science and Technology"),
             (r"\bCo Ltd\b", "Co., Ltd."), (r"\bCo\b(?!\.,)", "Company"),
             (r"\bUniv\b", "University"), (r"\bNatl\b", "National"),
             (r"\bInst\b", "Institute"), (r"\bSci\b", "Science"),
             (r"\bTechnol\b", "Technology"), (r"\bAdv\b", "Advanced"),
             (r"\bRes\b", "Research"), (r"\bElect\b", "Electronics"),
             (r"\bTelecommun\b", "Telecommunications"), (r" & ", " and "))


def funding_text(texts: Iterable[object]) -> str | None:
    """A record's funding texts and award ids as one text, searched for grant numbers later."""
    return searched_text(texts)


def month_number(value: str | int | None) -> str | None:
    """'Mar', 'march', 'MAR 15 2025' or '3' -> '3'; anything else is left for the validator."""
    if value in (None, ""):
        return None
    text = str(value).strip().lower()
    return str(MONTHS[text[:3]]) if text[:3] in MONTHS else text


def display_name(author: str) -> str:
    """'Kim, Minjun' -> 'Minjun Kim', as names are matched in given-family order."""
    if "," in author:
        family, _, given = author.partition(",")
        return f"{given.strip()} {family.strip()}".strip()
    return author.strip()


def joined(values: Iterable[str | None]) -> str | None:
    """Distinct non-empty values in order, ';'-separated (the contract's list form)."""
    kept = list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    return "; ".join(kept) if kept else None


def arxiv_id(*texts: object) -> str | None:
    """The first arXiv id written as a URL, 'arXiv:' id or arXiv DOI in any of the texts."""
    for text in texts:
        match = ARXIV_IN_TEXT.search(str(text)) if text else None
        if match:
            return match.group(1)
    return None


def ror_key(ror: str | None) -> str | None:
    """'https://ror.org/047dqcg40' -> '047dqcg40'."""
    return ROR_PREFIX.sub("", ror.strip()).lower() if ror else None


def spelled_out(name: str) -> str:
    """A Web of Science abbreviation ('Seoul Natl Univ') spelled out."""
    for short, full in WOS_WORDS:
        name = re.sub(short, full, name)
    return name


def organisation(address: str, *, abbreviated: bool = False) -> str:
    """The organisation named in a postal-style affiliation ('Dept X, Korea Univ, Seoul')."""
    text = re.sub(r"^\s*\[[^\]]*\]\s*", "", address).strip().rstrip(".")
    segments = [s.strip() for s in text.split(",") if s.strip()]
    candidates = [s for s in segments if not SUB_UNIT.match(s)] or segments
    chosen = next((s for s in candidates if ORGANISATION.search(s)),
                  next((s for s in candidates if COMPANY.search(s)),
                       candidates[0] if candidates else text))
    return spelled_out(chosen) if abbreviated else chosen


def institution_name(ror: str | None, name: str | None,
                     ror_names: Mapping[str, str]) -> str | None:
    """The reference list's name for a ROR id when it is known, else the name as given."""
    key = ror_key(ror)
    return ror_names.get(key, name) if key else name


def publication_frame(rows: list[PublicationRow]) -> pl.DataFrame:
    """Rows as the text frame of the publications contract, `_row` first."""
    columns = [c.name for c in PUBLICATIONS.columns]
    schema = {ROW: pl.Int64, **dict.fromkeys(columns, pl.String)}
    normalised = [{ROW: row.get(ROW), **{c: _text(row.get(c)) for c in columns}}
                  for row in rows]
    if not normalised:
        return pl.DataFrame(schema=schema)
    return pl.DataFrame(normalised, schema=schema, orient="row")


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
