"""The grant register is reference data checked like the rest, and grant columns take any format.

The shipped register holds the consortia's numbers in canonical form; a register row with a
malformed number, a scheme that does not match its number, validity ending before it starts, or
an unknown consortium stops the load naming its row. A project's number is accepted in every
printed format and stored canonical; a paper's acknowledgement without any number, or with only
a malformed one, is refused with its own reason.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest

import config
from contract import PROJECTS, PUBLICATIONS
from etl.problems import FileProblem
from etl.readers import ROW, RawTable
from etl.reference import read_reference
from etl.validate import Context, validate

HEADER = "consortium_id,grant_number,scheme,role,valid_from,valid_to,aliases,source\n"
CONTEXT = Context(period_end=date(2026, 6, 30),
                  institution_index={"고려대학교": "korea-univ", "바이브컴퍼니": "vaiv"},
                  kpi_ids=frozenset())


def test_the_shipped_register_holds_the_consortia_numbers_in_canonical_form() -> None:
    grants = read_reference().frames["grants"]
    agreements = dict(grants.filter(pl.col("role") == "agreement")
                      .select("consortium_id", "grant_number").iter_rows())
    # KETI's number is not known yet: it has no agreement row until the ministry confirms one
    assert agreements == {"vaiv": "RS-2024-00397085", "42maru": "RS-2024-00360227",
                          "lg-ai": "RS-2025-25442149", "nc-ai": "RS-2025-25441313"}
    maru = grants.filter(pl.col("consortium_id") == "42maru").row(0, named=True)
    assert (maru["valid_from"], maru["valid_to"]) == (date(2024, 4, 1), date(2027, 12, 31))
    assert all("to be confirmed by the ministry" in s for s in grants["source"])


@pytest.mark.parametrize(("row", "why"), [
    ("vaiv,RS-2024-0039708,rs,agreement,,,,x", "malformed_grant_number"),
    ("vaiv,RS-2024-00397085,ntis,agreement,,,,x", "scheme_mismatch"),
    ("vaiv,RS-2024-00397085,rs,agreement,2027-01-01,2024-01-01,,x", "end_before_start"),
    ("vaiv,RS-2024-00397085,rs,sponsor,,,,x", "not_allowed"),
    ("nobody,RS-2024-00397085,rs,agreement,,,,x", "is not in consortia.csv"),
])
def test_a_bad_register_row_stops_the_load_naming_it(tmp_path: Path, row: str,
                                                      why: str) -> None:
    folder = tmp_path / "reference"
    shutil.copytree(config.REFERENCE_DIR, folder)
    (folder / "grants.csv").write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(FileProblem) as problem:
        read_reference(folder)
    assert problem.value.file_name == "grants.csv" and why in problem.value.message_en


def test_register_aliases_are_read_in_canonical_form(tmp_path: Path) -> None:
    folder = tmp_path / "reference"
    shutil.copytree(config.REFERENCE_DIR, folder)
    (folder / "grants.csv").write_text(
        HEADER + "42maru,2022-0-00077,iitp_legacy,joint_project,,,RS 2022-II220077,x\n",
        encoding="utf-8")
    [row] = read_reference(folder).frames["grants"].to_dicts()
    assert (row["grant_number"], row["aliases"]) == ("2022-0-00077", ["RS-2022-II220077"])


def _validated(dataset, rows: list[dict[str, str]]):
    columns = [c.name for c in dataset.columns]
    frame = pl.DataFrame([{ROW: i + 2, **{c: r.get(c) for c in columns}}
                          for i, r in enumerate(rows)],
                         schema={ROW: pl.Int64, **dict.fromkeys(columns, pl.String)})
    return validate(RawTable(dataset, "in.csv", None, frame), CONTEXT)


def test_project_numbers_are_accepted_in_every_format_and_stored_canonical() -> None:
    base = {"title": "공동연구", "start_date": "2024-07-01", "institutions": "바이브컴퍼니"}
    numbers = ["RS-2024-00397085", "IITP-2026-RS-2024-00360227", "RS-2022-II220077",
               "No. 2022-0-00077", "NRF-2019M3E4A1080146", "1711152445", "RS-2024-0039708"]
    checked = _validated(PROJECTS, [{**base, "project_number": n} for n in numbers])
    assert checked.accepted["project_number"].to_list() == [
        "RS-2024-00397085", "RS-2024-00360227", "RS-2022-II220077", "2022-0-00077",
        "2019M3E4A1080146", "1711152445"]
    assert checked.rejections["reason_code"].to_list() == ["malformed_grant_number"]


def test_a_paper_without_a_grant_number_is_refused_with_the_start_of_its_text() -> None:
    paper = {"title": "T", "year": "2026", "venue": "J", "authors": "Minjun Kim"}
    long_text = "이 논문은 정부(과학기술정보통신부)의 재원으로 수행된 연구임. " * 10
    checked = _validated(PUBLICATIONS, [
        {**paper, "acknowledged_projects": long_text},
        {**paper, "acknowledged_projects": None},
        {**paper, "acknowledged_projects": "IITP (No. RS-2024-003970851)"},
        {**paper, "acknowledged_projects": "IITP (No. RS-2024-00397085, 기여율 50%)"}])
    reasons = checked.rejections.select("row_number", "reason_code", "value_shown").rows()
    assert [(r, code) for r, code, _ in reasons] == [
        (2, "no_grant_number"), (3, "no_grant_number"), (4, "malformed_grant_number")]
    shown = reasons[0][2]
    assert shown.startswith("이 논문은 정부") and shown.endswith("…") and len(shown) == 161
    [accepted] = checked.accepted.to_dicts()
    assert accepted["acknowledged_projects"] == ["RS-2024-00397085"]
    assert accepted["acknowledged_projects_found"]["shares"] == [50.0]
