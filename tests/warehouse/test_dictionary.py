"""The warehouse documents itself: every table, view and column carries a description, taken from
the contract, the KPI catalogue or a view's header, and docs/data-dictionary.md is exactly what
the build stores.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from contract import STUDENTS
from warehouse import catalogue, queries
from warehouse.connection import Reader
from warehouse.dictionary import DICTIONARY_DOC
from warehouse.dictionary_docs import render_dictionary_docs


@pytest.fixture(scope="module")
def schema(tiny_warehouse: Path) -> Iterator:
    reader = Reader(tiny_warehouse)
    yield queries.schema_columns(reader)
    reader.close()


def test_committed_data_dictionary_is_up_to_date() -> None:
    assert DICTIONARY_DOC.read_text(encoding="utf-8") == render_dictionary_docs(), \
        "run `make docs` and commit docs/data-dictionary.md"


def test_every_table_and_view_has_a_description(schema) -> None:
    missing = schema.filter(schema["relation_description"].is_null())
    assert missing.height == 0, sorted(set(missing["relation_name"]))


def test_every_column_has_a_description(schema) -> None:
    missing = schema.filter(schema["column_description"].is_null())
    undescribed = missing.select("relation_name", "column_name").rows()
    assert not undescribed, f"describe these in warehouse/dictionary.toml: {undescribed}"


def description(schema, relation: str, column: str | None = None) -> str:
    rows = schema.filter(schema["relation_name"] == relation)
    if column is None:
        return rows.item(0, "relation_description")
    return rows.filter(rows["column_name"] == column).item(0, "column_description")


def test_raw_columns_are_described_by_the_input_contract(schema) -> None:
    number = STUDENTS.column("researcher_number")
    assert description(schema, "raw_student", "researcher_number_key") == \
        f"{number.korean} · {number.description}"
    assert "Values: MS, PhD, integrated" in description(schema, "raw_student", "degree_program")
    assert description(schema, "raw_student").startswith(STUDENTS.korean)


def test_kpi_views_are_described_by_the_catalogue(schema) -> None:
    kpi = catalogue.kpi("active_students")
    text = description(schema, kpi.view)
    assert kpi.name_ko in text and kpi.definition_en in text


def test_views_are_described_by_their_header_comment(schema) -> None:
    assert description(schema, "fct_degree") == "Degrees awarded to participating students."


def test_the_document_lists_every_relation_with_its_columns(schema) -> None:
    text = render_dictionary_docs()
    for relation in set(schema["relation_name"]):
        assert f"### `{relation}`" in text
    assert "| `student_key` | VARCHAR |" in text
