"""Keyed hashes that replace personal identifiers before anything is written.

The same identifier always maps to the same key (so a student can be followed across periods and
a paper's first author matched to a student), but the key cannot be turned back into the
identifier without the secret, which lives outside git (see `config.pseudonym_key`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from functools import lru_cache

import polars as pl

from etl.distinct import distinct_mapping, map_distinct

KEY_HEX_CHARS = 32
#: identifiers of the same kind share a purpose, so a student's name and a paper's author
#: name hash to the same key and can be matched without either being stored (likewise a
#: patent inventor's or a support beneficiary's researcher number and a student's)
SHARED_PURPOSES = {"name_en": "person_name", "authors": "person_name",
                   "inventors": "person_name", "inventor_numbers": "researcher_number",
                   "beneficiaries": "researcher_number"}


def normalise_identifier(purpose: str, value: str) -> str:
    """The canonical text hashed for `value`: names ignore case, spacing and word order."""
    value = unicodedata.normalize("NFKC", value).strip()
    if purpose == "person_name":
        words = re.findall(r"[^\W\d_]+", value.casefold())
        return " ".join(sorted(words))
    if purpose == "orcid":
        return value.upper().removeprefix("HTTPS://ORCID.ORG/")
    return value


@lru_cache(maxsize=4)
def _keyed_state(secret: bytes) -> hmac.HMAC:
    """The HMAC state after the key, copied for each value instead of re-keying every time."""
    return hmac.new(secret, digestmod=hashlib.sha256)


#: the same people recur in every quarter's files (students, authors), so keys are remembered
#: for the process's life rather than recomputed per submission
@lru_cache(maxsize=1 << 18)
def keyed_hash(value: str, purpose: str, secret: bytes) -> str:
    """HMAC-SHA256 of the normalised value; the purpose separates identifier kinds."""
    purpose = SHARED_PURPOSES.get(purpose, purpose)
    state = _keyed_state(secret).copy()
    state.update(f"{purpose}:{normalise_identifier(purpose, value)}".encode())
    return state.hexdigest()[:KEY_HEX_CHARS]


def hash_column(series: pl.Series, purpose: str, secret: bytes) -> pl.Series:
    """Hash every distinct value once; nulls stay null."""
    return map_distinct(series, lambda value: keyed_hash(value, purpose, secret))


def hash_list_column(series: pl.Series, purpose: str, secret: bytes) -> pl.Series:
    """Hash each element of a list-of-text column."""
    mapping = distinct_mapping(series, lambda value: keyed_hash(value, purpose, secret))
    return series.list.eval(pl.element().replace_strict(mapping, default=None,
                                                        return_dtype=pl.String))
