"""The large synthetic submissions used by the benchmarks are correct, not just big.

A benchmark over data the loader mostly rejects, or that quietly collapses into a few records,
would measure the wrong thing. These tests check that `etl.sample_bulk` writes the sizes it
states, reproducibly, with Korean contract headers; that sizes grow linearly with the scale; and
that the real loader accepts everything but the rows deliberately broken, keeps those in the
quarantine, and ends with one warehouse student per generated student and one paper per
generated paper (shared and repeated reports merged).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import polars as pl
import pytest

from contract import PUBLICATIONS, STUDENTS
from etl.load import load
from etl.sample_bulk import (
    BROKEN_SHARE,
    DISPATCHES_PER_SCALE,
    PAPERS_PER_SCALE,
    PATENTS_PER_SCALE,
    STUDENTS_PER_SCALE,
    SUPPORT_PER_SCALE,
    generate,
)
from warehouse.store import current_file


def file_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def read_all(root: Path, file_name: str) -> pl.DataFrame:
    return pl.concat([pl.read_csv(p, infer_schema=False) for p in sorted(root.rglob(file_name))])


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("bulk")
    return out, generate(out, scale=1)


@pytest.fixture(scope="module")
def loaded(bulk: tuple[Path, dict[str, int]], tmp_path_factory: pytest.TempPathFactory):
    directory = tmp_path_factory.mktemp("bulk-warehouse")
    report = load(bulk[0], loaded_by="test", directory=directory)
    con = duckdb.connect(str(current_file(directory)), read_only=True)
    yield report, con
    con.close()


def test_same_seed_and_scale_give_identical_files(bulk, tmp_path: Path) -> None:
    generate(tmp_path, scale=1)
    assert file_hashes(tmp_path) == file_hashes(bulk[0])


def test_sizes_are_the_stated_ones(bulk) -> None:
    root, counts = bulk
    students = read_all(root, "참여학생.csv")
    papers = read_all(root, "논문.csv")
    assert students.height == counts["students"]
    assert papers.height > counts["publications"]  # ~1% of papers repeated within a file
    assert students[STUDENTS.column("researcher_number").korean].n_unique() == STUDENTS_PER_SCALE
    distinct_titles = papers[PUBLICATIONS.column("title").korean].n_unique()
    assert distinct_titles == pytest.approx(PAPERS_PER_SCALE, abs=3)
    stays = read_all(root, "파견현황.csv").select("국가연구자번호", "파견기관", "파견시작일")
    assert stays.n_unique() == pytest.approx(DISPATCHES_PER_SCALE, rel=0.02)


def test_headers_are_the_contract_korean_headers(bulk) -> None:
    header = next(bulk[0].rglob("참여학생.csv")).read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [c.korean for c in STUDENTS.columns]


def test_sizes_grow_linearly_with_the_scale(tmp_path: Path, bulk) -> None:
    counts = generate(tmp_path, scale=3)
    for dataset in ("students", "publications", "dispatches"):
        assert counts[dataset] == pytest.approx(3 * bulk[1][dataset], rel=0.1), dataset


def test_the_loader_accepts_all_but_the_broken_rows(loaded) -> None:
    report, _ = loaded
    rows_in = sum(r.rows_in for r in report.results)
    rejected = sum(r.rows_rejected for r in report.results)
    assert report.ok and all(r.outcome == "loaded" for r in report.results)
    assert 0 < rejected < 4 * BROKEN_SHARE * rows_in
    reasons = set(pl.concat([r.rejections for r in report.results])["reason_code"])
    assert reasons <= {"unknown_institution", "not_date", "duplicate_key", "not_krw"}


def test_the_warehouse_holds_every_generated_student_and_paper(loaded) -> None:
    report, con = loaded
    students = con.execute("select count(distinct researcher_number_key) "
                           "from raw_student").fetchone()[0]
    rejected_rows = pl.concat([r.rejections for r in report.results]) \
        .filter(pl.col("dataset") == "students").select("file_name", "row_number").n_unique()
    # a student whose rows were all broken is missing; none is invented or merged
    assert STUDENTS_PER_SCALE - rejected_rows <= students < STUDENTS_PER_SCALE
    papers = con.execute("select count(*) from dim_publication").fetchone()[0]
    assert papers == pytest.approx(PAPERS_PER_SCALE, abs=3)
    shared = con.execute("select count(*) from (select publication_id from "
                         "fct_publication_consortium group by all "
                         "having count(distinct consortium_id) > 1)").fetchone()[0]
    assert shared > 0


def test_the_warehouse_holds_every_generated_patent_once_and_all_unbroken_support(
        loaded) -> None:
    report, con = loaded
    # a patent sent again with its registration a year later is still one patent
    assert con.execute("select count(*), count(*) filter (where is_registered) "
                       "from fct_patent").fetchone()[0] == PATENTS_PER_SCALE
    assert con.execute("select count(*) from raw_patent").fetchone()[0] > PATENTS_PER_SCALE
    broken = pl.concat([r.rejections for r in report.results]) \
        .filter(pl.col("dataset") == "support").height
    assert broken > 0
    assert con.execute("select count(*) from fct_support").fetchone()[0] == \
        SUPPORT_PER_SCALE - broken
