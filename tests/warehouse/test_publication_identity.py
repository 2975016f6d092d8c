"""A paper is one paper however it is spelled, and counts once per consortium and program-wide.

Unit cases: DOIs in any case and with https://doi.org/, dx.doi.org or doi: prefixes normalise to
one; arXiv ids lose their version; an arXiv DOI is the arXiv id. End to end: vaiv sends BibTeX,
42maru sends RIS and an OpenAlex JSON file; the same three papers appear with different DOI
spellings, arXiv versions, and once with a DOI on one side only (merged by title and year), one
of them twice within 42maru. After a real load the acknowledged-publications KPI counts each
paper once for each consortium and once program-wide.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from etl.load import load
from etl.transform import arxiv_from_doi, normalise_arxiv, normalise_doi, title_key
from warehouse import queries
from warehouse.connection import Reader


@pytest.mark.parametrize("spelling", [
    "10.1000/ABC.1", "10.1000/abc.1", "https://doi.org/10.1000/abc.1",
    "http://dx.doi.org/10.1000/ABC.1", "doi:10.1000/abc.1", "DOI: 10.1000/abc.1",
    " https://DOI.org/10.1000/Abc.1 ",
])
def test_every_common_doi_spelling_normalises_to_one(spelling: str) -> None:
    assert normalise_doi(spelling) == "10.1000/abc.1"


@pytest.mark.parametrize(("spelling", "expected"), [
    ("2501.00001", "2501.00001"), ("2501.00001v3", "2501.00001"),
    ("arXiv:2501.00001v1", "2501.00001"), ("https://arxiv.org/abs/2501.00001v2", "2501.00001"),
    ("cs/0112017v1", "cs/0112017"),
])
def test_arxiv_ids_are_recognised_without_their_version(spelling: str, expected: str) -> None:
    assert normalise_arxiv(spelling) == expected


def test_an_arxiv_doi_is_the_preprints_arxiv_id_and_other_dois_are_not() -> None:
    assert arxiv_from_doi(normalise_doi("10.48550/arXiv.2501.00001")) == "2501.00001"
    assert arxiv_from_doi("10.1000/abc.1") is None


def test_titles_match_across_case_punctuation_and_spacing_but_not_years() -> None:
    assert title_key("Shared Title: A Study", 2025) == title_key("shared title — a  study", 2025)
    assert title_key("Shared Title: A Study", 2025) != title_key("Shared Title: A Study", 2024)


VAIV_BIBTEX = """@inproceedings{p1,
  title = {Scaling Korean Retrieval},
  author = {Kim, Minjun and Lee, Seoyeon},
  booktitle = {ACL}, year = {2025}, month = {5},
  doi = {https://doi.org/10.1000/ABC.1},
  funding = {IITP (No. RS-2024-00397085, RS-2024-00360227)}
}
@misc{p2,
  title = {Small Models for Legal Questions},
  author = {Jung, Yuna},
  publisher = {arXiv}, year = {2025}, month = {4},
  eprint = {2501.00001v1}, archiveprefix = {arXiv},
  funding = {Project RS-2024-00397085}
}
@article{p3,
  title = {Shared Title: A Study},
  author = {Park, Jiho},
  journal = {Journal of Korean AI}, year = {2025}, month = {6},
  funding = {IITP (No. RS-2024-00397085)}
}
"""
MARU_RIS = """TY  - CPAPER
TI  - Scaling Korean Retrieval
AU  - Kim, Minjun
T2  - ACL
PY  - 2025/05/01/
DO  - http://dx.doi.org/10.1000/abc.1
N1  - IITP RS-2024-00360227
ER  -

TY  - PREP
TI  - Small Models for Legal Questions (revised)
AU  - Jung, Yuna
PB  - arXiv
PY  - 2025/04/20/
UR  - https://arxiv.org/abs/2501.00001v3
N1  - IITP RS-2024-00360227
ER  -

TY  - JOUR
TI  - Shared title — a study
AU  - Park, Jiho
T2  - Journal of Korean AI
PY  - 2025/06/01/
DO  - 10.1000/shared.3
N1  - IITP RS-2024-00360227
ER  -
"""
MARU_OPENALEX = {"results": [{
    "id": "https://openalex.org/W1", "doi": "https://doi.org/10.1000/ABC.1",
    "title": "Scaling Korean Retrieval", "publication_year": 2025,
    "publication_date": "2025-05-01",
    "primary_location": {"source": {"display_name": "ACL"}},
    "authorships": [{"author": {"display_name": "Minjun Kim"}, "institutions": []}],
    "grants": [{"award_id": "RS-2024-00360227"}],
}]}


def submission(folder: Path, consortium: str, files: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    (folder / "submission.toml").write_text(
        f'consortium_id = "{consortium}"\nperiod = "2025-Q2"\nsubmitted_by = "test"\n',
        encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    root = tmp_path_factory.mktemp("identity")
    submission(root / "program" / "vaiv" / "2025-Q2", "vaiv", {"papers.bib": VAIV_BIBTEX})
    submission(root / "program" / "42maru" / "2025-Q2", "42maru",
               {"papers.ris": MARU_RIS, "openalex.json": json.dumps(MARU_OPENALEX)})
    report = load(root / "program", loaded_by="test", directory=root / "warehouse")
    assert report.ok and report.results[0].rows_rejected == 0
    source = Reader(root / "warehouse")
    yield source
    source.close()


def counted(reader: Reader, consortium_id: str) -> float:
    frame = queries.trend("acknowledged_publications", None, reader)
    return frame.filter((pl.col("consortium_id") == consortium_id)
                        & (pl.col("period") == "2025-Q2")).item(0, "value")


@pytest.mark.parametrize(("consortium_id", "papers", "why"), [
    ("vaiv", 3, "three papers, each acknowledging vaiv's grant RS-2024-00397085"),
    ("42maru", 3, "three papers, the first sent twice (RIS and OpenAlex) counting once"),
    ("ALL", 3, "the same three papers: shared papers count once program-wide"),
])
def test_shared_papers_count_once_per_consortium_and_once_program_wide(
        reader: Reader, consortium_id: str, papers: int, why: str) -> None:
    assert counted(reader, consortium_id) == papers, why


def test_the_merged_paper_keeps_the_doi_one_source_gave(reader: Reader) -> None:
    papers = reader.frame("select publication_id, doi, arxiv_id from dim_publication "
                          "order by publication_id")
    assert papers.rows() == [
        ("arxiv:2501.00001", None, "2501.00001"),
        ("doi:10.1000/abc.1", "10.1000/abc.1", None),
        ("doi:10.1000/shared.3", "10.1000/shared.3", None),
    ]
