"""No personal identifier of the tiny program reaches the warehouse file, quarantine or journal.

The test reads the raw bytes of every file the load produced and searches them for each clear
value (researcher numbers, names, e-mails, phone numbers), in UTF-8 and in CP949.
"""

from __future__ import annotations

from pathlib import Path

import tiny_program as tp

PEOPLE = [tp.S1_GRADUATED, tp.S2, tp.S3, tp.S8_GRADUATED, tp.S6, tp.M1, tp.BAD_NUMBER,
          tp.BAD_UNIVERSITY]


def clear_values() -> set[str]:
    values = set()
    for person in PEOPLE:
        for column in ("researcher_number", "name_en", "email", "phone"):
            values.add(str(person[column]))
    values.add("홍길동")
    return values


def test_no_clear_identifier_is_in_any_file_the_load_wrote(tiny_warehouse: Path) -> None:
    data_dir = tiny_warehouse.parent
    written = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".duckdb" for p in written)
    for path in written:
        content = path.read_bytes()
        for value in clear_values():
            for encoding in ("utf-8", "cp949"):
                assert value.encode(encoding) not in content, f"{value!r} found in {path.name}"


def test_the_clear_values_are_really_in_the_submission(tiny_program: Path) -> None:
    """Guards the test above: the values it looks for are present in what was submitted."""
    submitted = b"".join(p.read_bytes() for p in tiny_program.rglob("*.csv"))
    assert b"10000002" in submitted and b"10000003" in submitted
