"""A KPI's drill-down lists exactly the records its figure counts, and no clear identifiers.

Values are the tiny program's (see tests/warehouse/test_page_queries.py for who is who).
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from etl.pseudonymise import KEY_HEX_CHARS
from warehouse import queries
from warehouse.catalogue import kpi, kpis
from warehouse.connection import Reader
from warehouse.records import kpi_records, record_source

HASH = re.compile(rf"^[0-9a-f]{{{KEY_HEX_CHARS}}}$")
#: the tiny program's researcher numbers and English names, as submitted
SUBMITTED = ("10000001", "10000002", "10000003", "10000006", "10000008", "20000001",
             "Minjun Kim", "Seoyeon Lee", "Jiho Park", "Yuna Jung", "Hana Choi", "Doyun Kang")
CLEAR = {"name", "name_ko", "email", "phone", "researcher_number", "orcid", "name_en",
         "name_en_key", "researcher_number_key"}


@pytest.fixture(scope="module")
def reader(tiny_warehouse: Path) -> Reader:
    source = Reader(tiny_warehouse)
    yield source
    source.close()


@pytest.mark.parametrize("kpi_id", [k.id for k in kpis()])
def test_every_kpi_has_records_from_a_mart(kpi_id: str) -> None:
    assert record_source(kpi_id).mart.startswith("fct_")


@pytest.mark.parametrize("kpi_id", [k.id for k in kpis()])
def test_a_consortiums_records_reproduce_its_figure(reader: Reader, kpi_id: str) -> None:
    records = kpi_records(kpi_id, "2025-Q2", ["vaiv"], reader)
    row = queries.trend(kpi_id, ["vaiv"], reader).filter(
        (pl.col("consortium_id") == "vaiv") & (pl.col("period") == "2025-Q2")).row(0, named=True)
    figure = kpi(kpi_id).figure
    if figure.sql is not None and figure.measure == "sum":
        # a hand-written ratio of two KPIs: its records add up to the numerator
        assert records[figure.column].fill_null(0).sum() == row["numerator"], figure.column
    elif row["denominator"] is not None and kpi_id != "student_fte":
        assert (records["is_counted"].sum(), records.height) == (row["numerator"],
                                                                 row["denominator"])
    elif figure.measure == "sum" and kpi_id not in {"student_fte", "dispatch_person_months"}:
        # a sum's records add up to it (GPU-hours, won values)
        assert records[figure.column].fill_null(0).sum() == row["value"], figure.column
    elif kpi_id not in {"student_fte", "dispatch_person_months"}:
        keys = [c for c in records.columns if c.endswith(("_key", "_id")) and c not in
                {"consortium_id", "host_institution_id"}]
        assert records.select(keys[0]).n_unique() == row["value"], keys[0]


def test_rate_records_mark_the_numerator(reader: Reader) -> None:
    records = kpi_records("destination_coverage_6m", "2025-Q2", ["vaiv"], reader)
    # S1 known (employed at Naver), S8 unknown
    assert sorted(zip(records["is_counted"], records["destination_status"],
                      strict=True)) == [(False, "unknown"), (True, "employed")]


def test_dispatch_records_are_the_qualifying_stays(reader: Reader) -> None:
    records = kpi_records("dispatched_researchers", "2025-Q2", None, reader)
    assert records.select("consortium_id", "stay_days").rows() == [("vaiv", 61)]


def test_records_follow_the_consortium_filter(reader: Reader) -> None:
    assert kpi_records("active_students", "2025-Q2", ["42maru"], reader).height == 1
    assert kpi_records("active_students", "2025-Q2", [], reader).height == 0


@pytest.mark.parametrize("kpi_id", ["active_students", "employment_rate_6m",
                                    "dispatch_person_months", "degrees_awarded"])
def test_records_hold_people_only_as_keyed_hashes(reader: Reader, kpi_id: str) -> None:
    records = kpi_records(kpi_id, "2024-Q4" if kpi_id == "degrees_awarded" else "2025-Q2",
                          None, reader)
    assert records.height > 0
    assert not CLEAR & set(records.columns)
    for column in ("student_key", "person_key"):
        if column in records.columns:
            assert all(HASH.match(v) for v in records[column].to_list()), column
    text = records.write_csv()
    assert not [clear for clear in SUBMITTED if clear in text]
