"""The data dictionary: one description for every table, view and column of the warehouse.

Descriptions come from where each thing is defined, never from a second copy:
- raw tables a consortium or the ministry fills, and their columns: the input contract
  (contract.py), Korean header and English description;
- KPI views: the KPI catalogue (warehouse/catalogue.toml), name, definition and what the
  figure counts (warehouse/kpi_sql.py);
- every other view: the header comment of its SQL file;
- everything else (log tables, derived columns of the views): warehouse/dictionary.toml, by
  column name, since a name means the same thing in every layer; `relation_column` entries there
  cover the few names whose meaning depends on the table.

The build stores them as `COMMENT ON` in every warehouse version, so an analyst sees them in
duckdb_tables(), duckdb_views() and duckdb_columns(), in the workbench's schema browser and in
docs/data-dictionary.md (generated; a test fails when it is stale or a column has no description).
COMMENT ON takes no bound parameters: the texts quoted into it come from the files above, never
from a user.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

import config
from contract import REFERENCE_DATASETS, SUBMITTED_DATASETS, Column, Dataset
from warehouse import catalogue

DICTIONARY_FILE = Path(__file__).with_name("dictionary.toml")
DICTIONARY_DOC = config.PROJECT_ROOT / "docs" / "data-dictionary.md"
SQL_DIR = Path(__file__).with_name("sql")
LAYERS = (("raw", "Raw tables / 원천 테이블"), ("staging", "Staging views / 정제 뷰"),
          ("marts", "Marts / 분석 테이블"), ("kpi", "KPIs / 성과지표"))


@dataclass(frozen=True)
class Description:
    """A description in Korean (may be empty) and English."""

    ko: str
    en: str

    @property
    def text(self) -> str:
        """The comment stored in the warehouse: Korean, then English."""
        return f"{self.ko} · {self.en}" if self.ko else self.en


@cache
def _entries() -> dict:
    return tomllib.loads(DICTIONARY_FILE.read_text(encoding="utf-8"))


def _pair(value: list[str]) -> Description:
    return Description(value[0], value[1])


def raw_table_datasets() -> dict[str, Dataset]:
    """Raw table -> the contract dataset loaded into it."""
    # store imports build, which imports this module: read its table map when asked
    from warehouse.store import REFERENCE_TABLES, SUBMITTED_TABLES

    by_name = {d.name: d for d in (*SUBMITTED_DATASETS, *REFERENCE_DATASETS)}
    tables = {**SUBMITTED_TABLES, **REFERENCE_TABLES}
    return {table: by_name[dataset] for dataset, table in tables.items()}


def _view_header(sql: str) -> str:
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        if not line.startswith(("-- materialized:", "-- Generated from")):
            lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def _view_sources() -> dict[str, str]:
    return _sources_for(catalogue.catalogue_file())


@cache
def _sources_for(catalogue_file: Path) -> dict[str, str]:
    """Every view's SQL by name, generated ones included (they follow the catalogue in use)."""
    from warehouse.build import generated_sources, view_files

    texts = {name: path.read_text(encoding="utf-8") for name, path in view_files().items()}
    return {**texts, **generated_sources()}


def relation_description(name: str) -> Description | None:
    """What a table or view holds."""
    datasets = raw_table_datasets()
    if name in datasets:
        return Description(datasets[name].korean, datasets[name].description)
    entry = _entries().get("relation", {}).get(name)
    if entry:
        return _pair(entry)
    kpi = next((k for k in catalogue.kpis() if k.view == name), None)
    if kpi is not None:
        from warehouse.kpi_sql import formula

        return Description(
            f"{kpi.name_ko}: {kpi.definition_ko} 산출 방식: {formula(kpi, 'ko')}.",
            f"{kpi.name_en}: {kpi.definition_en} Counted as: {formula(kpi, 'en')}. "
            f"SQL: `python -m warehouse show-kpi {kpi.id}`.")
    source = _view_sources().get(name)
    return Description("", _view_header(source)) if source else None


def _from_contract(column: Column) -> Description:
    """A contract column's header and description, with its stored codes if it has any."""
    codes = f" Values: {', '.join(column.allowed)}." if column.allowed else ""
    return Description(column.korean, column.description + codes)


@cache
def _contract_by_name() -> dict[str, Description]:
    """Contract columns whose stored name has one meaning across every dataset."""
    found: dict[str, set[Description]] = {}
    for dataset in (*SUBMITTED_DATASETS, *REFERENCE_DATASETS):
        for column in dataset.stored_columns:
            found.setdefault(column.stored_name, set()).add(_from_contract(column))
    return {name: next(iter(d)) for name, d in found.items() if len(d) == 1}


def column_description(relation: str, column: str) -> Description | None:
    """What one column of one table or view means."""
    dataset = raw_table_datasets().get(relation)
    if dataset is not None:
        match = next((c for c in dataset.stored_columns if c.stored_name == column), None)
        if match is not None:
            return _from_contract(match)
    entries = _entries()
    specific = entries.get("relation_column", {}).get(f"{relation}.{column}")
    if specific:
        return _pair(specific)
    general = entries.get("column", {}).get(column)
    if general:
        return _pair(general)
    return _contract_by_name().get(column)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, 'table' or 'view') of every relation the build made, by name."""
    return con.execute(
        "select table_name, 'table' from duckdb_tables() where schema_name = 'main' "
        "and database_name = current_database() union all "
        "select view_name, 'view' from duckdb_views() where schema_name = 'main' "
        "and database_name = current_database() and not internal order by 1").fetchall()


def apply_comments(con: duckdb.DuckDBPyConnection) -> None:
    """Store every known description as COMMENT ON in the open warehouse."""
    for name, kind in relations(con):
        described = relation_description(name)
        if described is not None:
            con.execute(f"comment on {kind} {_identifier(name)} is {_literal(described.text)}")
        columns = con.execute(
            "select column_name from duckdb_columns() where schema_name = 'main' "
            "and database_name = current_database() and table_name = ? order by column_index",
            [name]).fetchall()
        for (column,) in columns:
            described = column_description(name, column)
            if described is not None:
                con.execute(f"comment on column {_identifier(name)}.{_identifier(column)} "
                            f"is {_literal(described.text)}")


def fingerprint_text() -> str:
    """Everything the comments are made from (the build rebuilds when it changes)."""
    return DICTIONARY_FILE.read_text(encoding="utf-8") + repr(
        sorted((t, d.name, d.description, [(c.stored_name, _from_contract(c))
                                           for c in d.stored_columns])
               for t, d in raw_table_datasets().items()))
