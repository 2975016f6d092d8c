"""Matching the institution names submitters write to the reference list.

Submitters write '고려대', 'Korea Univ.' or '(주)바이브컴퍼니'; the warehouse needs one id.
Names are compared after folding case, spacing, punctuation and company suffixes. An unknown
name is never invented into a new institution: the row is rejected and the ministry adds it.
"""

from __future__ import annotations

import re
import unicodedata

import polars as pl

from etl.distinct import map_distinct

COMPANY_SUFFIXES = re.compile(r"\(주\)|㈜|주식회사|co\.?,?\s*ltd\.?|inc\.?|corp\.?|corporation")


def name_token(name: str) -> str:
    """A name reduced to what identifies it."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = COMPANY_SUFFIXES.sub("", text)
    return re.sub(r"[\W_]+", "", text)


def name_index(institutions: pl.DataFrame) -> dict[str, str]:
    """Every known name, alias and id of an institution -> its institution_id."""
    index: dict[str, str] = {}
    for row in institutions.iter_rows(named=True):
        names = [row["institution_id"], row["name_ko"], row["name_en"], *(row["aliases"] or [])]
        for name in names:
            if name:
                index.setdefault(name_token(name), row["institution_id"])
    return index


def match_names(series: pl.Series, index: dict[str, str]) -> pl.Series:
    """institution_id for each name (null where unknown)."""
    return map_distinct(series, lambda name: index.get(name_token(name)))
