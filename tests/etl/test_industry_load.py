"""The four industry datasets load from xlsx and CSV, refuse what they must, and lose nothing.

The hand-built record in tests/industry_program.py goes through the real loader into a real
warehouse: every mistake of the list (a fee written 'about 1M', an unknown GPU, a patent number
of the wrong form, a registration number in the application column, a 13-digit registration
number that reads as an application, a bad business number, a URL that is not one) is
quarantined at its file, row and column with its reason in Korean and English; everything else
is normalised (three spellings of the H100 are one model, '1,200,000원' is 1200000) and a patent
filed in one quarter and registered in the next stays one patent.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from industry_program import Q3_REJECTIONS, write_industry_program

from etl.load import LoadReport, load
from warehouse import store


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LoadReport,
                                                                        duckdb.DuckDBPyConnection]]:
    base = tmp_path_factory.mktemp("industry")
    root = write_industry_program(base / "submissions")
    report = load(root, loaded_by="test", directory=base / "warehouse")
    con = duckdb.connect(str(store.current_file(base / "warehouse")), read_only=True)
    yield report, con
    con.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_every_listed_mistake_is_quarantined_at_its_row_and_column_with_its_reason(
        loaded) -> None:
    report, con = loaded
    assert report.ok
    found = set(rows(con, "select file_name, row_number, column_name, reason_code "
                          "from raw_rejected_row where period = '2025-Q3'"))
    assert found == Q3_REJECTIONS
    assert rows(con, "select count(*) from raw_rejected_row where reason_en is null "
                     "or reason_ko is null") == [(0,)]
    [(reason_ko, reason_en)] = rows(con, "select reason_ko, reason_en from raw_rejected_row "
                                         "where column_name = 'fixed_fee_krw'")
    assert "1,200,000원" in reason_ko and "1M" in reason_en


def test_rows_in_equal_rows_accepted_plus_rows_rejected_for_every_file(loaded) -> None:
    _, con = loaded
    files = rows(con, "select file_name, rows_in, rows_accepted, rows_rejected "
                      "from raw_load_file order by file_name")
    assert all(r[1] == r[2] + r[3] for r in files)
    assert ("industry_2025-Q3.xlsx", 21, 13, 8) in files
    accepted = rows(con, "select (select count(*) from raw_student) + "
                         "(select count(*) from raw_support where period = '2025-Q3') + "
                         "(select count(*) from raw_patent where period = '2025-Q3') + "
                         "(select count(*) from raw_transfer where period = '2025-Q3') + "
                         "(select count(*) from raw_artefact where period = '2025-Q3')")
    assert accepted == [(13,)]


def test_three_spellings_of_the_h100_are_one_model_and_gpu_hours_add_up(loaded) -> None:
    _, con = loaded
    assert rows(con, "select gpu_model, sum(gpu_hours) from fct_support "
                     "where support_type = 'compute' group by gpu_model") == \
        [("H100", 8 * 720 + 500 + 2 * 730)]


def test_a_fee_written_in_won_is_read_as_a_whole_number_of_won(loaded) -> None:
    _, con = loaded
    assert rows(con, "select value_krw, value_basis, api_tokens from fct_support "
                     "where support_type = 'api' order by period") == \
        [(1_200_000, "in_kind", 2_000_000), (1_200_000, "in_kind", 2_000_000)]


def test_a_patent_filed_in_one_quarter_and_registered_in_the_next_is_one_patent(loaded) -> None:
    _, con = loaded
    assert rows(con, "select patent_id, is_registered, registration_number, "
                     "first_reported_period, reported_period from fct_patent "
                     "where is_domestic and is_acknowledged") == \
        [("KR:10-2025-0012345", True, "10-2712345", "2025-Q3", "2025-Q4")]
    assert rows(con, "select count(*) from raw_patent where application_number = "
                     "'10-2025-0012345'") == [(2,)]


def test_a_foreign_patent_keeps_its_number_and_another_grants_patent_does_not_count(
        loaded) -> None:
    _, con = loaded
    assert rows(con, "select patent_id, is_domestic, is_acknowledged from fct_patent "
                     "where not is_domestic or not is_acknowledged order by patent_id") == \
        [("KR:10-2025-0099999", True, False), ("US:US 19/123,456", False, True)]


def test_inventors_and_beneficiaries_are_hashed_and_matched_to_students(loaded) -> None:
    _, con = loaded
    stored = " ".join(str(r) for r in rows(con, "select * from raw_patent") +
                      rows(con, "select * from raw_support"))
    assert "30000001" not in stored and "한가람" not in stored and "Garam Han" not in stored
    assert rows(con, "select student_inventor_count, inventor_count from fct_patent "
                     "where patent_id = 'KR:10-2025-0012345'") == [(1, 2)]
    assert rows(con, "select beneficiary_count, beneficiary_student_count from fct_support "
                     "where period = '2025-Q3' and support_type = 'api'") == [(2, 2)]


def test_a_transfer_sums_its_receipts_and_links_the_patent_and_the_service(loaded) -> None:
    _, con = loaded
    assert rows(con, "select contract_number, received_to_date_krw, fixed_fee_krw, "
                     "service, patent_ids from fct_transfer") == \
        [("KU-2025-017", 20_000_000, 20_000_000, "AI 상담 챗봇", ["KR:10-2025-0012345"])]


def test_an_artefact_url_is_normalised_and_keeps_its_latest_observation(loaded) -> None:
    _, con = loaded
    assert rows(con, "select artefact_id, artefact_type, downloads, observed_date::varchar "
                     "from fct_artefact order by artefact_id") == [
        ("https://github.com/vaiv/korag", "code", None, None),
        ("https://huggingface.co/vaiv/korag-7b", "model", 5400, "2025-12-20")]
