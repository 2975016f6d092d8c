"""Papers count for the grants they really print, in every format the loader reads.

One load of two consortia. Vaiv sends one paper per format (BibTeX, RIS, Web of Science,
OpenAlex, Crossref, a spreadsheet), each acknowledging its registered grant RS-2024-00397085 as
papers print it (`(No. RS-2024-00397085)`, with the `IITP-2026-` support-year prefix, broken over
a line, with a share); a paper acknowledging only other grants; and one with no number at all.
42Maru's register (the shipped one plus a sub-project 2022-0-00077 with its RS twin as alias)
and a submitted joint project printed `IITP-2021-0-01341` credit a paper printing the twins
together (one grant), one printing only the RS twin, one printing the project's number with a
stray space, and not a paper dated before its agreement's validity. Counted
papers are in fct_publication_consortium and the KPI; the others are loaded, listed and not
counted; the paper without a number is rejected with its reason and the start of its text.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

import config
from contract import PROJECTS, PUBLICATIONS
from etl.load import LoadReport, load
from etl.report import _markdown
from warehouse import queries
from warehouse.connection import Reader

VAIV = "RS-2024-00397085"
ACK_EN = ("This work was supported by Institute of Information & communications Technology "
          "Planning & Evaluation (IITP) grant funded by the Korea government (MSIT)")
ACK_BIB = ACK_EN.replace("&", "\\&")
ACK_KO = ("이 논문은 정부(과학기술정보통신부)의 재원으로 정보통신기획평가원의 지원을 받아 "
          "수행된 연구임")

BIBTEX = f"""@inproceedings{{bib1,
  title = {{Paper From BibTeX}}, author = {{Kim, Minjun}}, booktitle = {{ACL}},
  year = {{2026}}, month = {{3}}, doi = {{10.1000/fmt.bib}},
  funding = {{{ACK_BIB} (No. RS-2024-
    00397085, Generative AI Leading Talent Nurturing Project)}}
}}
@article{{bib2,
  title = {{Paper Acknowledging Other Grants}}, author = {{Lee, Seoyeon}},
  journal = {{Journal of Things}}, year = {{2026}}, month = {{2}}, doi = {{10.1000/other}},
  acknowledgements = {{NRF (NRF-2019M3E4A1080146) and KISTI (KSC-2022-CRE-0312)}}
}}
@article{{bib3,
  title = {{Paper Without A Number}}, author = {{Park, Jiho}},
  journal = {{Journal of Things}}, year = {{2026}}, month = {{1}}, doi = {{10.1000/none}},
  funding = {{{ACK_KO}}}
}}
"""
RIS = f"""TY  - JOUR
TI  - Paper From RIS
AU  - Kim, Minjun
T2  - IEEE Access
PY  - 2026/02/01/
DO  - 10.1000/fmt.ris
N1  - {ACK_KO} (IITP-2026-RS-2024-00397085, 기여율 50%)
ER  -
"""
WOS = """FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Kim, M
AF Kim, Minjun
TI Paper From Web of Science
SO JOURNAL OF KOREAN AI
PD FEB 2026
PY 2026
FU Institute of Information & Communications Technology Planning &
   Evaluation (IITP) [RS-2024-00397085]
FX This work was supported by the IITP grant funded by the Korea government
   (MSIT) (No. RS-2024-0039
   7085).
DI 10.1000/fmt.wos
ER

EF
"""
OPENALEX = {"results": [{
    "id": "https://openalex.org/W1", "title": "Paper From OpenAlex", "publication_year": 2026,
    "publication_date": "2026-02-01", "doi": "https://doi.org/10.1000/fmt.openalex",
    "primary_location": {"source": {"display_name": "ACL"}},
    "authorships": [{"author": {"display_name": "Minjun Kim"}, "institutions": []}],
    "awards": [{"funder_award_id": "IITP-2026-RS-2024-00397085",
                "display_name": "Generative AI Leading Talent"}]}]}
CROSSREF = {"message": {"items": [{
    "DOI": "10.1000/fmt.crossref", "title": ["Paper From Crossref"],
    "container-title": ["Journal of Korean AI"], "issued": {"date-parts": [[2026, 1]]},
    "author": [{"given": "Minjun", "family": "Kim"}],
    "funder": [{"name": "Ministry of Science and ICT", "award": ["(No. RS-2024-00397085)"]}]}]}}
SHEET_PAPER = {"title": "Paper From A Sheet", "year": "2026", "venue": "NeurIPS",
               "doi": "10.1000/fmt.sheet", "authors": "Minjun Kim",
               "acknowledged_projects": f"{ACK_KO} (No. RS-2024-00397085)"}

MARU_BIBTEX = f"""@inproceedings{{m1,
  title = {{Twin Numbers}}, author = {{Kang, Doyun}}, booktitle = {{ACL}},
  year = {{2025}}, month = {{5}}, doi = {{10.1000/twins}},
  funding = {{{ACK_BIB} (No. 2022-0-00077 / RS-2022-II220077, 50\\%)
    and by the Generative AI Leading Talent program (RS-2024-00360227, 50\\%)}}
}}
@inproceedings{{m2,
  title = {{Before The Agreement}}, author = {{Kang, Doyun}}, booktitle = {{ACL}},
  year = {{2024}}, month = {{3}}, doi = {{10.1000/early}},
  funding = {{IITP (No. RS-2024-00360227)}}
}}
@article{{m3,
  title = {{Only The RS Twin}}, author = {{Kang, Doyun}}, journal = {{J}},
  year = {{2025}}, month = {{4}}, doi = {{10.1000/rs-twin}},
  funding = {{{ACK_KO} (No. RS-2022-II220077)}}
}}
@article{{m4,
  title = {{Stray Space}}, author = {{Kang, Doyun}}, journal = {{J}},
  year = {{2025}}, month = {{4}}, doi = {{10.1000/stray}},
  funding = {{Supported by IITP grant (No.2021-0- 01341) funded by MSIT}}
}}
"""
SUB_PROJECT = "42maru,2022-0-00077,iitp_legacy,sub_project,2024-01-01,,RS-2022-II220077,test\n"
MARU_PROJECT = {"project_number": "IITP-2021-0-01341", "title": "의료 LLM 세부과제",
                "start_date": "2024-07-01", "institutions": "포티투마루; 부산대학교; 성균관대학교"}


def _csv(path: Path, columns: list[str], headers: list[str], rows: list[dict]) -> None:
    def cell(value: object) -> str:
        return '"' + str(value).replace('"', '""') + '"'
    lines = [",".join(headers), *(",".join(cell(r.get(c, "")) for c in columns) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _submission(folder: Path, consortium: str, period: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "submission.toml").write_text(
        f'consortium_id = "{consortium}"\nperiod = "{period}"\nsubmitted_by = "test"\n',
        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LoadReport, Reader]]:
    base = tmp_path_factory.mktemp("grants")
    vaiv = _submission(base / "in" / "vaiv" / "2026-Q2", "vaiv", "2026-Q2")
    (vaiv / "papers.bib").write_text(BIBTEX, encoding="utf-8")
    (vaiv / "papers.ris").write_text(RIS, encoding="utf-8")
    (vaiv / "savedrecs.txt").write_text(WOS, encoding="utf-8")
    (vaiv / "openalex.json").write_text(json.dumps(OPENALEX), encoding="utf-8")
    (vaiv / "crossref.json").write_text(json.dumps(CROSSREF), encoding="utf-8")
    columns = [c.name for c in PUBLICATIONS.columns]
    _csv(vaiv / "논문.csv", columns, [c.korean for c in PUBLICATIONS.columns], [SHEET_PAPER])
    maru = _submission(base / "in" / "42maru" / "2025-Q2", "42maru", "2025-Q2")
    (maru / "papers.bib").write_text(MARU_BIBTEX, encoding="utf-8")
    columns = [c.name for c in PROJECTS.columns]
    _csv(maru / "과제.csv", columns, [c.korean for c in PROJECTS.columns], [MARU_PROJECT])
    reference = base / "reference"
    shutil.copytree(config.REFERENCE_DIR, reference)
    with (reference / "grants.csv").open("a", encoding="utf-8") as register:
        register.write(SUB_PROJECT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "REFERENCE_DIR", reference)
        report = load(base / "in", loaded_by="test", directory=base / "warehouse")
    reader = Reader(base / "warehouse")
    yield report, reader
    reader.close()


def _counted(reader: Reader, consortium_id: str) -> dict[str, list[str]]:
    frame = reader.frame(
        "select papers.title, counted.acknowledged_grants from fct_publication_consortium "
        "counted join dim_publication papers using (publication_id) "
        "where counted.consortium_id = ?", [consortium_id])
    return dict(zip(frame["title"], frame["acknowledged_grants"].to_list(), strict=True))


def test_the_registered_grant_counts_in_every_publication_format(loaded) -> None:
    report, reader = loaded
    assert report.ok, [p for r in report.results for p in r.problems]
    counted = _counted(reader, "vaiv")
    assert counted == {f"Paper From {fmt}": [VAIV] for fmt in (
        "BibTeX", "RIS", "Web of Science", "OpenAlex", "Crossref", "A Sheet")}


def test_a_legacy_number_and_its_rs_twin_count_as_one_grant_once(loaded) -> None:
    _, reader = loaded
    assert _counted(reader, "42maru") == {
        "Twin Numbers": ["2022-0-00077", "RS-2024-00360227"],
        "Only The RS Twin": ["2022-0-00077"],
        "Stray Space": ["2021-0-01341"]}
    kpi = queries.trend("acknowledged_publications", ["42maru"], reader)
    row = kpi.filter((kpi["consortium_id"] == "42maru") & (kpi["period"] == "2025-Q2"))
    assert row["value"].to_list() == [3.0]
    stored = reader.frame("select grant_count, grant_shares_pct from raw_publication "
                          "where doi = '10.1000/twins'").row(0, named=True)
    assert stored == {"grant_count": 2, "grant_shares_pct": [50.0, 50.0, 50.0]}


def test_a_submitted_project_number_joins_the_register_in_canonical_form(loaded) -> None:
    _, reader = loaded
    grants = reader.frame("select consortium_id, grant_number, scheme, role from dim_grant "
                          "order by consortium_id, grant_number")
    assert ("42maru", "2021-0-01341", "iitp_legacy", "joint_project") in grants.rows()
    assert ("42maru", "2022-0-00077", "iitp_legacy", "sub_project") in grants.rows()
    assert ("vaiv", VAIV, "rs", "agreement") in grants.rows()


def test_papers_with_only_other_grants_are_loaded_listed_and_not_counted(loaded) -> None:
    report, reader = loaded
    listed = queries.publications_not_counted(source=reader)
    assert sorted(zip(listed["title"], listed["grant_numbers_found"],
                      listed["not_counted_reason"], strict=True)) == [
        ("Before The Agreement", "RS-2024-00360227", "outside_validity"),
        ("Paper Acknowledging Other Grants", "2019M3E4A1080146", "not_in_register"),
    ]
    vaiv = next(r for r in report.results if r.submission and r.submission.consortium_id == "vaiv")
    assert vaiv.not_counted is not None
    assert vaiv.not_counted["title"].to_list() == ["Paper Acknowledging Other Grants"]
    text = _markdown(report)
    assert "Papers acknowledging grants not in the register" in text
    assert "2019M3E4A1080146" in text


def test_a_paper_without_any_grant_number_is_rejected_with_its_reason(loaded) -> None:
    _, reader = loaded
    rejected = queries.rejected_rows(None, reader).filter(
        pl.col("column_name") == "acknowledged_projects")
    [row] = rejected.to_dicts()
    assert row["reason_code"] == "no_grant_number"
    assert row["reason_en"].startswith("no grant number found in the acknowledgement")
    assert row["reason_ko"].startswith("사사 문구에서 과제번호를 찾지 못했습니다")
    assert row["value_shown"].startswith("이 논문은 정부(과학기술정보통신부)의 재원으로")
