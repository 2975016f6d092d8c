"""Shaping accepted rows into the warehouse's raw tables: pure DataFrame -> DataFrame.

This is where personal identifiers are replaced by keyed hashes (or dropped), institution names
become ids, and publications get the identity used to merge duplicates (normalised DOI, arXiv id,
or title and year). Column names here are the `raw_*` table columns in warehouse/sql/raw.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable

import polars as pl

from contract import Dataset
from etl.distinct import distinct_mapping, map_distinct
from etl.grants import scheme_of
from etl.institutions import match_names, name_token
from etl.pseudonymise import hash_column, hash_list_column

NON_WORD = re.compile(r"[\W_]+")
DOI_PREFIX = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
ARXIV_DOI_PREFIX = "10.48550/arxiv."
ARXIV_ID = re.compile(r"(?:arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?",
                      re.IGNORECASE)


def normalise_doi(doi: str | None) -> str | None:
    """'https://doi.org/10.1000/ABC' and 'doi:10.1000/abc' -> '10.1000/abc'."""
    if not doi:
        return None
    doi = DOI_PREFIX.sub("", doi.strip()).strip().lower()
    return doi if doi.startswith("10.") and "/" in doi else None


def normalise_arxiv(arxiv_id: str | None) -> str | None:
    """'arXiv:2401.01234v2' -> '2401.01234' (versions are the same paper)."""
    if not arxiv_id:
        return None
    match = ARXIV_ID.search(arxiv_id.strip())
    return match.group(1).lower() if match else None


def arxiv_from_doi(doi: str | None) -> str | None:
    """The arXiv id of an arXiv DOI ('10.48550/arxiv.2401.01234'), which names a preprint."""
    return normalise_arxiv(doi) if doi and doi.startswith(ARXIV_DOI_PREFIX) else None


def title_letters(title: str) -> str:
    """The title's letters and digits, case folded: what two spellings of a title share."""
    return NON_WORD.sub("", unicodedata.normalize("NFKC", title).casefold())


def title_key(title: str | None, year: int | None) -> str | None:
    """A stable key from the title's letters and digits and the year, for papers without ids."""
    if not title or year is None:
        return None
    return _title_digest(f"{title_letters(title)}|{year}")


def _title_digest(text: str) -> str:
    return "title:" + hashlib.sha1(text.encode()).hexdigest()[:20]


def title_keys(titles: pl.Series, years: pl.Series) -> pl.Series:
    """`title_key` of every row, the text work done by polars.

    For a title in ASCII, NFKC changes nothing and case folding is lower-casing, so polars
    computes the letters; any other title goes through `title_letters` once per distinct value.
    Only the SHA-1 runs per row, and it is the same digest as `title_key`'s.
    """
    is_ascii = titles.str.contains(r"^[\x00-\x7f]*$")
    other = distinct_mapping(titles.filter(~is_ascii), title_letters)
    letters = pl.select(
        pl.when(is_ascii).then(titles.str.to_lowercase().str.replace_all(r"[^a-z0-9]", ""))
        .otherwise(titles.replace_strict(other, default=None, return_dtype=pl.String))
    ).to_series()
    text = pl.select(pl.when((titles != "") & years.is_not_null())
                     .then(letters + "|" + years.cast(pl.String))).to_series()
    return pl.Series([None if t is None else _title_digest(t) for t in text.to_list()],
                     dtype=pl.String)


def _pseudonymise(frame: pl.DataFrame, dataset: Dataset, secret: bytes) -> pl.DataFrame:
    """Hash personal columns into `<name>_key` and drop the clear values and dropped columns."""
    for column in dataset.columns:
        if column.drop:
            frame = frame.drop(column.name)
        elif column.personal:
            hasher = hash_list_column if column.dtype == "list" else hash_column
            frame = frame.with_columns(
                hasher(frame[column.name], column.name, secret).alias(column.stored_name)
            ).drop(column.name)
    return frame


def shape_students(frame: pl.DataFrame) -> pl.DataFrame:
    """Students keyed by hashed researcher number, with the university's id."""
    return frame.drop("institution")


def shape_dispatches(frame: pl.DataFrame) -> pl.DataFrame:
    """Dispatch stays with the host company's id."""
    return frame.drop("host_organisation").rename(
        {"host_organisation_id": "host_institution_id"})


def shape_projects(frame: pl.DataFrame) -> pl.DataFrame:
    """Projects with the ids of their participating institutions and their number's scheme."""
    return frame.drop("institutions").rename({"institutions_id": "institution_ids"}) \
        .with_columns(map_distinct(frame["project_number"], scheme_of).alias("grant_scheme"))


def shape_destinations(frame: pl.DataFrame, institution_index: dict[str, str]) -> pl.DataFrame:
    """Destinations with the employer's institution id where the name is on the reference list.

    The organisation is free text (any employer or university in the world), so an unknown name
    is kept as written with a null id rather than rejected.
    """
    return frame.with_columns(
        match_names(frame["organisation"], institution_index).alias("organisation_id"))


def _affiliation_ids(affiliations: pl.Series, institution_index: dict[str, str]) -> pl.Series:
    """Sorted distinct institution ids named among each row's affiliations.

    Names are matched once per distinct spelling, then looked up in bulk on the exploded lists
    (per-row Python lists were most of the time of a large publication load).
    """
    affiliations = affiliations.cast(pl.List(pl.String))
    mapping = distinct_mapping(affiliations, lambda name: institution_index.get(name_token(name)))
    rows = pl.DataFrame({"ids": affiliations}).with_row_index("row")
    matched = rows.explode("ids").with_columns(
        pl.col("ids").replace_strict(mapping, default=None, return_dtype=pl.String)) \
        .group_by("row").agg(pl.col("ids").drop_nulls().unique().sort())
    return rows.select("row").join(matched, on="row", how="left", maintain_order="left") \
        ["ids"].fill_null([])


def shape_publications(frame: pl.DataFrame, institution_index: dict[str, str]) -> pl.DataFrame:
    """Publications with normalised identifiers, the merge identity and matched affiliations."""
    doi = map_distinct(frame["doi"], normalise_doi)
    arxiv = map_distinct(frame["arxiv_id"], normalise_arxiv)
    # an arXiv DOI is the preprint's arXiv id, so a paper sent with either merges by it
    from_doi = map_distinct(doi, arxiv_from_doi)
    arxiv = arxiv.fill_null(from_doi)
    doi = pl.select(pl.when(from_doi.is_null()).then(doi)).to_series()
    titles = title_keys(frame["title"], frame["year"])
    return frame.with_columns(
        doi.alias("doi"),
        arxiv.alias("arxiv_id"),
        titles.alias("title_key"),
        pl.coalesce(pl.lit("doi:") + doi, pl.lit("arxiv:") + arxiv, titles)
        .alias("publication_ref"),
        pl.col("authors_key").list.first().alias("first_author_key"),
        _affiliation_ids(frame["affiliations"], institution_index).alias("affiliation_ids"),
        pl.col("affiliations").fill_null([]),
        pl.col("acknowledged_projects_found").struct.field("shares").alias("grant_shares_pct"),
        pl.col("acknowledged_projects_found").struct.field("malformed")
        .alias("malformed_grant_numbers"),
        pl.col("acknowledged_projects_found").struct.field("grant_count").cast(pl.Int32)
        .alias("grant_count"),
    ).drop("acknowledged_projects_found")


def shape_support(frame: pl.DataFrame) -> pl.DataFrame:
    """Support with the providing company's id."""
    return frame.drop("provider").rename({"provider_id": "provider_institution_id"})


def shape_patents(frame: pl.DataFrame) -> pl.DataFrame:
    """Patents with the ids of their applicant institutions."""
    return frame.drop("applicants", "acknowledged_projects_found") \
        .rename({"applicants_id": "applicant_ids"})


SHAPERS: dict[str, Callable[[pl.DataFrame], pl.DataFrame]] = {
    "students": shape_students,
    "dispatches": shape_dispatches,
    "projects": shape_projects,
    "support": shape_support,
    "patents": shape_patents,
}


def to_raw(frame: pl.DataFrame, dataset: Dataset, secret: bytes,
           institution_index: dict[str, str]) -> pl.DataFrame:
    """Accepted rows of `dataset` as rows of its raw warehouse table (without load metadata)."""
    frame = _pseudonymise(frame, dataset, secret)
    if dataset.name == "publications":
        return shape_publications(frame, institution_index)
    if dataset.name == "destinations":
        return shape_destinations(frame, institution_index)
    shaper = SHAPERS.get(dataset.name)
    return shaper(frame) if shaper else frame
