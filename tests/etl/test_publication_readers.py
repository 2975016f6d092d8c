"""Every publication format consortia send reads into the same contract columns.

Fixtures in tests/etl/fixtures/publications/ are small, realistic exports: a Zotero RIS file with
Windows line ends, a CP949 RIS file from a Korean database, a Web of Science tagged export
(savedrecs.txt, with tags rispy does not know), OpenAlex and Crossref works JSON as single works
and as list responses. Broken ones (a cut-off RIS, a record without its end tag, a truncated
JSON download, an OpenAlex author instead of works, a BibTeX entry with an unclosed brace) each
stop the file with one clear message in Korean and English. Each row points the submitter at its
record: the line where a BibTeX or RIS record starts, or the work's position in a JSON list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibtexparser import middlewares as mw

from etl.bibtex_reader import LatexDecoding
from etl.files import read_file
from etl.grants import find
from etl.problems import FileProblem
from etl.publication_readers import read_publication_file
from etl.readers import ROW
from etl.reference import read_reference

FIXTURES = Path(__file__).with_name("fixtures") / "publications"
ACL_TITLE = "Retrieval-Augmented Generation for Korean Public Documents"
ACCESS_TITLE = "Efficient Korean Tokenisation for Large Language Models"


def rows(name: str) -> list[dict]:
    frame = read_publication_file(FIXTURES / name, read_reference().ror_names)
    return frame.to_dicts()


def numbers(row: dict) -> str:
    """The grant numbers etl/grants.py finds in the funding text a reader passed on."""
    return "; ".join(find(row["acknowledged_projects"]).numbers)


def by_title(name: str) -> dict[str, dict]:
    return {row["title"]: row for row in rows(name)}


def test_a_zotero_ris_export_with_windows_line_ends_gives_one_row_per_record() -> None:
    found = rows("zotero_export.ris")
    assert [r[ROW] for r in found] == [1, 17, 31], "each row points at its TY line"
    acl, access, preprint = found
    assert acl["title"] == ACL_TITLE and acl["year"] == "2025" and acl["month"] == "07"
    assert acl["venue"].startswith("Proceedings of the 63rd Annual Meeting")
    assert acl["authors"] == "Hana Choi; Doyun Kang"
    assert acl["affiliations"] == "Kookmin University; Pusan National University"
    assert numbers(acl) == "RS-2024-00397085"
    assert access["month"] == "03" and access["venue"] == "IEEE Access"
    assert preprint["arxiv_id"] == "2505.01234v2" and preprint["venue"] == "arXiv"


def test_a_cp949_ris_export_from_a_korean_database_is_decoded() -> None:
    [paper] = rows("dbpia_export_cp949.ris")
    assert paper["title"] == "한국어 대규모 언어모델의 법률 문서 요약 성능 평가"
    assert paper["authors"] == "김민준; 이서연"
    assert paper["affiliations"] == "고려대학교; (주)바이브컴퍼니"
    assert paper["month"] == "02" and numbers(paper) == "RS-2024-00397085"


def test_a_web_of_science_tagged_export_is_read_with_its_funding_and_addresses() -> None:
    found = rows("wos_savedrecs.txt")
    assert [r[ROW] for r in found] == [3, 53]
    access, acl = found
    assert access["title"] == ACCESS_TITLE, "continuation lines join the title"
    assert access["authors"] == "Minjun Kim; Seoyeon Lee; Jiho Park"
    assert access["affiliations"] == "Korea University; Yonsei University"
    assert access["month"] == "3" and access["is_open_access"] == "true"
    assert numbers(access) == "RS-2024-00397085"
    assert numbers(acl) == "2022R1A2C1011111; RS-2024-00397085; RS-2024-00360227"
    assert acl["affiliations"] == "Kookmin University; Pusan National University; VAIV Company"
    assert acl["month"] is None and acl["is_open_access"] is None


def test_a_web_of_science_export_named_txt_is_a_publication_file_not_a_csv() -> None:
    [table] = read_file(FIXTURES / "wos_savedrecs.txt", None)
    assert table.dataset.name == "publications" and table.frame.height == 2


def test_an_openalex_work_maps_ror_ids_to_reference_names_and_reads_awards() -> None:
    [paper] = rows("openalex_work.json")
    assert paper[ROW] == 1 and paper["title"] == ACL_TITLE
    assert paper["doi"] == "https://doi.org/10.18653/V1/2025.ACL-LONG.101"
    assert paper["is_open_access"] == "True"
    assert numbers(paper) == "RS-2024-00360227; RS-2024-00397085"


def test_an_openalex_list_response_gives_positions_arxiv_ids_and_company_names() -> None:
    found = rows("openalex_works.json")
    assert [r[ROW] for r in found] == [1, 2, 3]
    preprint = found[1]
    assert preprint["arxiv_id"] == "2505.01234v2"
    # OpenAlex calls it 'Naver (South Korea)'; its ROR id names it as the reference list does
    assert preprint["affiliations"] == "Korea University; Naver; Yonsei University"
    assert numbers(preprint) == "RS-2024-00397085", "found in the award's name"
    assert numbers(found[2]) == "" and found[2]["venue"] is None


def test_a_crossref_work_and_a_paged_crossref_list_read_alike() -> None:
    [single] = rows("crossref_work.json")
    listed = by_title("crossref_works.json")
    assert listed[ACCESS_TITLE] | {ROW: 1} == single | {ROW: 1}
    assert single["authors"] == "Minjun Kim; Seoyeon Lee; Jiho Park"
    assert single["affiliations"] == "Korea University; Yonsei University"
    assert single["year"] == "2025" and single["month"] == "3"
    assert numbers(single) == "RS-2024-00397085; 2022-0-00077", "every award, any format"
    assert listed[ACL_TITLE]["venue"].startswith("Proceedings of the 63rd")
    assert listed[ACL_TITLE]["month"] == "7"


@pytest.mark.parametrize(("name", "code", "where"), [
    ("truncated.ris", "corrupt_ris", "10행"),
    ("missing_end.ris", "corrupt_ris", "line 8"),
    ("openalex_truncated.json", "corrupt_json", "line 174"),
    ("openalex_author.json", "unknown_json", "OpenAlex"),
    ("broken_entry.bib", "corrupt_bibtex", "line 9"),
])
def test_a_broken_publication_file_stops_with_one_message_in_both_languages(
        name: str, code: str, where: str) -> None:
    with pytest.raises(FileProblem) as problem:
        read_publication_file(FIXTURES / name)
    assert problem.value.code == code
    assert problem.value.file_name == name
    assert where in str(problem.value)
    assert problem.value.message_ko and problem.value.message_en


def test_a_bibtex_key_used_twice_keeps_both_entries(tmp_path: Path) -> None:
    path = tmp_path / "papers.bib"
    path.write_text("@article{kim2025,\n title = {First},\n year = {2025}\n}\n"
                    "@article{kim2025,\n title = {M{\\\"u}ller Second},\n year = {2025}\n}\n",
                    encoding="utf-8")
    assert read_publication_file(path)["title"].to_list() == ["First", "Müller Second"]


@pytest.mark.parametrize("text", [
    "plain title", "IITP \\& MSIT (No. RS-2024-00397085)", "50\\% of {LLM}s", "M{\\\"u}ller",
    "pages 1--10", "``quoted''", "x \\& y \\textit{z}", "a~b", "$x^2$ models",
])
def test_skipping_latex_decoding_for_plain_values_gives_the_same_text(text: str) -> None:
    fast, full = LatexDecoding(), mw.LatexDecodingMiddleware()
    assert fast._transform_python_value_string(text) == \
        full._transform_python_value_string(text)
