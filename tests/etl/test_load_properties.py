"""Whatever rows arrive, good rows load and every other row is quarantined with a reason.

A property-based test (hypothesis): for a dataset drawn from students, dispatches, destinations
and projects, a few known-good rows are followed by arbitrary rows (junk text, near-miss values,
formulas, blanks), written as a CSV submission and put through the whole `load()` into a real
warehouse. Then: rows in = accepted + rejected, in the load log and in the warehouse tables;
every rejected row has a reason; and every good row is in its raw table. Examples are few and
tiny so the test stays fast.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import config
from contract import DESTINATIONS, DISPATCHES, PROJECTS, STUDENTS, Dataset
from etl.load import load
from etl.problems import ROW_REASONS
from etl.pseudonymise import keyed_hash
from warehouse import queries
from warehouse.connection import Reader
from warehouse.store import SUBMITTED_TABLES

PERIOD_END = "2025-06-30"


def good_row(dataset: Dataset, index: int) -> dict[str, str]:
    """A row that must load; `index` keeps keys distinct."""
    number = f"7{index:07d}"
    return {
        "students": {"researcher_number": number, "institution": "고려대학교",
                     "degree_program": "석사", "enrolment_date": "2025.03.02",
                     "participation_start": "45719", "status": "재학"},
        "dispatches": {"researcher_number": number, "host_organisation": "바이브컴퍼니",
                       "start_date": f"2025-04-{index + 1:02d}", "end_date": "2025-05-30"},
        "destinations": {"researcher_number": number, "months_after_graduation": "6",
                         "destination_status": "취업", "organisation": "네이버",
                         "ksic_code": "63120"},
        "projects": {"project_number": f"17112{index:05d}", "title": "공동연구",
                     "start_date": "2024-07-01", "institutions": "바이브컴퍼니; 고려대학교"},
    }[dataset.name]


JUNK = st.text(alphabet=st.characters(categories=("L", "N", "P", "S"), exclude_characters="\x00")
               | st.sampled_from(" 가나다"), max_size=10)
NEAR_MISSES = st.sampled_from([
    "", "2025-02-30", "2025.13.01", "45719", "2025-09-01", "=1+1", "@x", "석사", "박사", "재학",
    "졸업", "취업", "6", "13", "고려대학교", "없는대학교", "바이브컴퍼니", "1711201101", "12345678",
    "7000000", "70000000"])
VALUE = st.one_of(JUNK, NEAR_MISSES)


def write_submission(folder: Path, dataset: Dataset, rows: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True)
    (folder / "submission.toml").write_text(
        'consortium_id = "vaiv"\nperiod = "2025-Q2"\nsubmitted_by = "test"\n', encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in dataset.columns])
    writer.writerows([[row.get(c.name) or "" for c in dataset.columns] for row in rows])
    (folder / f"{dataset.name}.csv").write_text(buffer.getvalue(), encoding="utf-8")


def is_blank(row: dict[str, str]) -> bool:
    return all(not (v or "").strip() for v in row.values())


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), dataset=st.sampled_from([STUDENTS, DISPATCHES, DESTINATIONS, PROJECTS]),
       good_count=st.integers(min_value=1, max_value=3))
def test_good_rows_load_and_every_other_row_is_quarantined_with_a_reason(
        data: st.DataObject, dataset: Dataset, good_count: int) -> None:
    bad = data.draw(st.lists(st.fixed_dictionaries({c.name: VALUE for c in dataset.columns}),
                             min_size=1, max_size=4))
    good = [good_row(dataset, i) for i in range(good_count)]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        write_submission(root / "vaiv" / "2025-Q2", dataset, good + bad)
        report = load(root / "vaiv", loaded_by="test", directory=root / "warehouse")
        assert report.ok, report.results[0].problems
        [result] = report.results
        rows_in = len(good) + sum(not is_blank(r) for r in bad)
        assert result.rows_in == rows_in
        reader = Reader(root / "warehouse")
        try:
            [logged] = queries.load_history(reader).to_dicts()
            rejected = queries.rejected_rows(result.load_id, reader)
            stored = reader.frame(f"select * from {SUBMITTED_TABLES[dataset.name]}")
        finally:
            reader.close()
    assert logged["rows_in"] == rows_in == logged["rows_accepted"] + logged["rows_rejected"]
    assert stored.height == logged["rows_accepted"]
    assert rejected["row_number"].n_unique() == logged["rows_rejected"]
    assert set(rejected["reason_code"]) <= set(ROW_REASONS)
    assert rejected["reason_en"].is_not_null().all() and rejected["reason_ko"].is_not_null().all()
    assert good_rows_present(dataset, good, stored)


def good_rows_present(dataset: Dataset, good: list[dict[str, str]], stored) -> bool:
    """Every good row's key is among the stored rows (personal keys compared as hashes)."""
    if dataset is PROJECTS:
        return {g["project_number"] for g in good} <= set(stored["project_number"])
    secret, _ = config.pseudonym_key()
    wanted = {keyed_hash(g["researcher_number"], "researcher_number", secret) for g in good}
    return wanted <= set(stored["researcher_number_key"])
