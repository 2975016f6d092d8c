"""Exports of every publication format load end to end, and no author's identity is stored.

One submission carries a Web of Science export, an OpenAlex list, a Crossref list and a CP949
RIS file (tests/etl/fixtures/publications). After a real load, papers without a project number
are quarantined with their position, the rest are in the warehouse, and no author name, e-mail
address or ORCID iD from the exports is found in the warehouse file, in any stored text value,
or in the load journal.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.load import LoadReport, load
from etl.report import write_journal
from warehouse import queries
from warehouse.connection import Reader

FIXTURES = Path(__file__).with_name("fixtures") / "publications"
FILES = ["wos_savedrecs.txt", "openalex_works.json", "crossref_works.json",
         "dbpia_export_cp949.ris"]
CLEAR_VALUES = ["Minjun Kim", "Kim, Minjun", "Hana Choi", "Choi, Hana", "Seojun Han",
                "minjun.kim@example.ac.kr", "0000-0002-1825-0097", "김민준", "이서연"]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadReport, Path]:
    base = tmp_path_factory.mktemp("publications")
    folder = base / "vaiv" / "2025-Q3"
    folder.mkdir(parents=True)
    (folder / "submission.toml").write_text(
        'consortium_id = "vaiv"\nperiod = "2025-Q3"\nsubmitted_by = "test"\n',
        encoding="utf-8")
    for name in FILES:
        shutil.copyfile(FIXTURES / name, folder / name)
    data_dir = base / "data"
    report = load(base / "vaiv", loaded_by="test", directory=data_dir / "warehouse")
    write_journal(report, data_dir / "loads")
    return report, data_dir


def test_every_format_loads_and_papers_without_a_project_number_are_quarantined(
        loaded) -> None:
    report, data_dir = loaded
    assert report.ok, report.results[0].problems
    reader = Reader(data_dir / "warehouse")
    try:
        [logged] = queries.load_history(reader).to_dicts()
        rejected = queries.rejected_rows(None, reader)
    finally:
        reader.close()
    assert (logged["rows_in"], logged["rows_accepted"], logged["rows_rejected"]) == (9, 7, 2)
    assert sorted(zip(rejected["file_name"], rejected["row_number"], rejected["column_name"],
                      strict=True)) == [
        ("crossref_works.json", 3, "acknowledged_projects"),
        ("openalex_works.json", 3, "acknowledged_projects"),
        ("openalex_works.json", 3, "venue"),
    ]


def test_no_author_name_email_or_orcid_is_stored_or_written(loaded) -> None:
    _, data_dir = loaded
    reader = Reader(data_dir / "warehouse")
    try:
        tables = reader.frame("select table_name from duckdb_tables()")["table_name"]
        stored = " ".join(str(reader.frame(f"select * from {t}").rows()) for t in tables)
    finally:
        reader.close()
    written = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    for value in CLEAR_VALUES:
        assert value not in stored, f"{value!r} is stored"
        for encoding in ("utf-8", "cp949"):
            assert value.encode(encoding) not in written, f"{value!r} is in a file"
