"""Building the warehouse's schema and views, and checking them, on an open connection.

Raw tables come from sql/raw/*.sql (`create table if not exists`), views from one file each
under sql/staging, sql/marts and sql/kpi (`create or replace view`), created in dependency order
found from the SQL itself, so adding a view needs no list to update. Each catalogue KPI's view
`kpi_<id>` is generated from its declaration (warehouse/kpi_sql.py) unless its entry names a
hand-written file, as are the marts of pre-computed counts the entries name (`counts_from`);
`kpi_value` is the union of every KPI view. Checks under sql/checks return
offending rows; a build with any offending row is refused. Every table, view and column then
gets its description as a COMMENT (warehouse/dictionary.py), so the warehouse documents itself.

A load into a warehouse built from the same SQL rebuilds only what depends on the raw tables it
changed (`refresh_views`): a materialised table is rebuilt when one of its inputs changed, and
when its new content equals the old one, what reads it is not rebuilt for its sake (early
cut-off, as build systems do). A table marked `-- partitioned by: consortium_id` gets new rows
only for the consortia whose input rows changed. `kpi_value` gets new rows only for the KPIs
whose view changed.
Every view is a function of its inputs alone (no clock, no randomness), so the result equals a
full rebuild; tests/warehouse/test_incremental.py checks that table by table.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import polars as pl

from warehouse import catalogue, dictionary, kpi_sql

SQL_DIR = Path(__file__).with_name("sql")
VIEW_LAYERS = ("staging", "marts", "kpi")
GENERATED_UNION = "kpi_value"
#: analysts' saved queries live beside the views but are not part of the build
SAVED_QUERIES = "saved"
MATERIALIZED = "-- materialized: table"
PARTITIONED = "-- partitioned by: consortium_id"


@dataclass(frozen=True)
class CheckFailure:
    """A data check that found offending rows."""

    name: str
    description: str
    offending_rows: int
    sample: list[tuple]


class BuildError(Exception):
    """The warehouse failed its checks and must not be published."""

    def __init__(self, failures: list[CheckFailure]) -> None:
        lines = [f"{f.name}: {f.offending_rows} offending row(s) - {f.description} "
                 f"e.g. {f.sample[:3]}" for f in failures]
        super().__init__("data checks failed:\n" + "\n".join(lines))
        self.failures = failures


def view_files() -> dict[str, Path]:
    """Every view's SQL file, by view name (the file name)."""
    files = {}
    for layer in VIEW_LAYERS:
        for path in sorted((SQL_DIR / layer).glob("*.sql")):
            files[path.stem] = path
    return files


def kpi_union_sql(kpis: list[catalogue.Kpi] | None = None) -> str:
    """The generated `kpi_value` view: every catalogue KPI's rows, tagged with its id."""
    parts = [f"select '{k.id}' as kpi_id, consortium_id, period, value, numerator, denominator "
             f"from {k.view}" for k in (catalogue.kpis() if kpis is None else kpis)]
    return "\nunion all\n".join(parts)


def _reads(sql: str, names: set[str]) -> set[str]:
    """Which of `names` the SQL text mentions (a mention in a comment counts: never too few)."""
    return {name for name in names if re.search(rf"\b{re.escape(name)}\b", sql)}


def _view_order(sources: dict[str, str]) -> list[str]:
    names = set(sources)
    graph = {name: _reads(sql, names - {name}) for name, sql in sources.items()}
    return list(TopologicalSorter(graph).static_order())


def kpi_views() -> dict[str, str]:
    """Every catalogue KPI's view SQL, by view name (generated or hand-written)."""
    return {k.view: kpi_sql.view_sql(k) for k in catalogue.kpis()}


def generated_sources() -> dict[str, str]:
    """Every view or table generated from the catalogue: KPI views and `counts_from` marts."""
    return {**kpi_sql.counts_marts(catalogue.kpis()), **kpi_views()}


def _check_no_stray_kpi_file(files: dict[str, Path]) -> None:
    """A KPI view file the catalogue does not name would be silently replaced: refuse it."""
    named = {k.figure.sql.resolve() for k in catalogue.kpis() if k.figure.sql}
    stray = [name for name in generated_sources() if name in files
             and files[name].resolve() not in named]
    if stray:
        raise ValueError(f"views generated from the catalogue also have a file: {stray}; "
                         "delete the file, or name it as the KPI entry's `sql`")


def catalogue_views() -> set[str]:
    """The views of the catalogue's KPIs."""
    return {k.view for k in catalogue.kpis()}


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables if they are not there yet: schema.sql, then each other file in
    sql/raw (one per group of datasets, e.g. industry.sql) in name order."""
    files = sorted((SQL_DIR / "raw").glob("*.sql"), key=lambda p: (p.stem != "schema", p.name))
    for path in files:
        con.execute(path.read_text(encoding="utf-8"))


def load_catalogue(con: duckdb.DuckDBPyConnection) -> None:
    """Replace raw_kpi_catalogue with the entries of catalogue.toml."""
    rows = [{"kpi_id": k.id, "domain": k.domain, "name_ko": k.name_ko, "name_en": k.name_en,
             "definition_ko": k.definition_ko, "definition_en": k.definition_en,
             "unit": k.unit, "direction": k.direction, "accumulation": k.accumulation,
             "default_target": k.default_target,
             "target_from_program_year": k.target_from_program_year,
             "at_risk_share": k.at_risk_share, "display_order": k.display_order,
             "numerator": k.numerator, "numerator_ko": k.numerator_ko,
             "denominator": k.denominator, "denominator_ko": k.denominator_ko,
             "source": k.source}
            for k in catalogue.kpis()]
    entries = pl.DataFrame(rows, schema_overrides={"default_target": pl.Float64,
                                                   "target_from_program_year": pl.Int32,
                                                   "denominator": pl.String,
                                                   "denominator_ko": pl.String})
    con.execute("delete from raw_kpi_catalogue")
    con.register("catalogue_entries", entries)
    con.execute("insert into raw_kpi_catalogue by name select * from catalogue_entries")
    con.unregister("catalogue_entries")


def is_materialized(sql: str) -> bool:
    """A view file whose first line is `-- materialized: table` is built as a table."""
    return sql.startswith(MATERIALIZED)


def _replace(con: duckdb.DuckDBPyConnection, name: str, sql: str) -> None:
    kind = "table" if is_materialized(sql) else "view"
    existing = con.execute(
        "select 'table' from duckdb_tables() where table_name = ? and schema_name = 'main' "
        "union all select 'view' from duckdb_views() where view_name = ? "
        "and schema_name = 'main' and not internal", [name, name]).fetchone()
    if existing and existing[0] != kind:
        con.execute(f"drop {existing[0]} {name} cascade")
    con.execute(f"create or replace {kind} {name} as\n{sql}")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every view in dependency order; marts and the scorecard as tables.

    Materialising the marts once per load keeps every page query a scan of a small table
    instead of re-running the whole layered plan.
    """
    sources = _sources()
    for name in _view_order(sources):
        _replace(con, name, sources[name])


def _sources() -> dict[str, str]:
    files = view_files()
    _check_no_stray_kpi_file(files)
    sources = {name: path.read_text(encoding="utf-8") for name, path in files.items()}
    sources.update(generated_sources())
    sources[GENERATED_UNION] = f"{MATERIALIZED}\n{kpi_union_sql()}"
    return sources


#: a table's consortia that changed; None: any of them may have
Consortia = set[str] | None


def is_partitioned(sql: str) -> bool:
    """A table whose rows of a consortium are made from that consortium's rows alone says so
    on its second line, `-- partitioned by: consortium_id`; a load rebuilds only its rows of
    the consortia that changed."""
    lines = sql.splitlines()
    return len(lines) > 1 and lines[1].strip() == PARTITIONED


def _union(sets: list[Consortia]) -> Consortia:
    if any(one is None for one in sets):
        return None
    return set().union(*sets)  # type: ignore[arg-type]


def refresh_views(con: duckdb.DuckDBPyConnection, dirty: dict[str, Consortia]) -> list[str]:
    """Rebuild the tables that depend on the `dirty` raw tables; the ones rebuilt, in order.

    `dirty` maps each changed table to the consortia whose rows changed, and grows by every
    view and table whose content changed with them. The views and tables must already exist,
    built from the same SQL (see `code_fingerprint`).
    """
    sources = _sources()
    rebuilt = []
    for name in _view_order(sources):
        sql = sources[name]
        inputs = _reads(sql, set(dirty) - {name})
        if not inputs:
            continue
        touched = _union([dirty[one] for one in inputs])
        rebuilt.append(name)
        if not is_materialized(sql):
            dirty[name] = touched  # a view reads its inputs when queried: nothing to rebuild
        elif name == GENERATED_UNION:
            _refresh_kpi_values(con, set(dirty))
            dirty[name] = None
        elif touched is not None and is_partitioned(sql):
            if _rebuild_partitions(con, name, sql, touched):
                dirty[name] = touched
        else:
            changed = _rebuild_table(con, name, sql)
            if changed is not False:
                dirty[name] = changed
    return [name for name in rebuilt if is_materialized(sources[name])]


def _digests(con: duckdb.DuckDBPyConnection, table: str, by_consortium: bool,
             only: list[str] | None = None) -> dict[str | None, tuple]:
    """Row count and an order-free hash sum of a table's rows, per consortium or as a whole.

    Two scans instead of a set difference of the whole table (which cost more than the rebuild
    at scale 1000); equal contents always give equal digests.
    """
    key = "consortium_id" if by_consortium else "null"
    where = "where consortium_id in $only" if only is not None else ""
    rows = con.execute(f"select {key}, count(*), sum(hash(t)::hugeint) from "
                       f"(select * from {table} {where}) t group by 1",
                       {"only": only} if only is not None else None).fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def _rebuild_table(con: duckdb.DuckDBPyConnection, name: str, sql: str) -> Consortia | bool:
    """Rebuild one materialised table aside and swap it in if it differs.

    False when it came out the same; else the consortia whose rows changed (None when the
    table has no consortium column).
    """
    fresh = f"{name}__rebuilt"
    con.execute(f"create or replace table {fresh} as\n{sql}")
    by_consortium = bool(con.execute(
        "select count(*) from duckdb_columns() where table_name = ? and schema_name = 'main' "
        "and column_name = 'consortium_id'", [fresh]).fetchall()[0][0])
    old, new = (_digests(con, table, by_consortium) for table in (name, fresh))
    changed = {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
    if not changed:
        con.execute(f"drop table {fresh}")
        return False
    con.execute(f"drop table {name}")
    con.execute(f"alter table {fresh} rename to {name}")
    return changed if by_consortium else None


def _rebuild_partitions(con: duckdb.DuckDBPyConnection, name: str, sql: str,
                        consortia: set[str]) -> bool:
    """Rebuild a partitioned table's rows of `consortia`; whether they changed."""
    fresh = f"{name}__rebuilt"
    only = sorted(consortia)
    con.execute(f"create or replace table {fresh} as select * from (\n{sql}\n) "
                "where consortium_id in $only", {"only": only})
    differ = _digests(con, name, True, only) != _digests(con, fresh, True)
    if differ:
        con.execute(f"delete from {name} where consortium_id in $only", {"only": only})
        con.execute(f"insert into {name} select * from {fresh}")
    con.execute(f"drop table {fresh}")
    return differ


def _refresh_kpi_values(con: duckdb.DuckDBPyConnection, dirty: set[str]) -> None:
    """New `kpi_value` rows for the KPIs whose view changed; the others' rows stay."""
    stale = [k for k in catalogue.kpis() if k.view in dirty]
    if not stale:
        return
    con.execute(f"delete from {GENERATED_UNION} where kpi_id in (select unnest($ids))",
                {"ids": [k.id for k in stale]})
    con.execute(f"insert into {GENERATED_UNION} by name\n{kpi_union_sql(stale)}")


def check_files() -> dict[str, Path]:
    """Every data check's SQL file, by check name."""
    return {p.stem: p for p in sorted((SQL_DIR / "checks").glob("*.sql"))}


def check_description(path: Path) -> str:
    """The first comment line of a check says what it guards."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("--").strip()


def run_check(con: duckdb.DuckDBPyConnection, path: Path) -> CheckFailure | None:
    """Run one check; a failure if it returns any row."""
    rows = con.execute(path.read_text(encoding="utf-8")).fetchall()
    if not rows:
        return None
    return CheckFailure(path.stem, check_description(path), len(rows), rows[:5])


def run_checks(con: duckdb.DuckDBPyConnection) -> list[CheckFailure]:
    """Every data check that fails."""
    return [f for f in (run_check(con, p) for p in check_files().values()) if f]


def code_fingerprint() -> str:
    """A hash of the SQL, the catalogue and the dictionary: views are stale when it changes."""
    digest = hashlib.sha256(catalogue.catalogue_file().read_bytes())
    digest.update(dictionary.fingerprint_text().encode())
    for name, sql in sorted(generated_sources().items()):
        digest.update(f"{name}\n{sql}".encode())
    for path in sorted(SQL_DIR.rglob("*.sql")):
        if path.parent.name == SAVED_QUERIES:
            continue
        digest.update(path.relative_to(SQL_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def built_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The code fingerprint the open warehouse was last built with."""
    row = con.execute("select code_fingerprint from raw_build_info").fetchone()
    return row[0] if row else None


def build(con: duckdb.DuckDBPyConnection, changed: set[str] | None = None,
          consortia: dict[str, Consortia] | None = None) -> list[str] | None:
    """Schema, catalogue, views, descriptions, then checks; raises BuildError if any fails.

    With `changed` (raw tables a load changed in a warehouse built from this very SQL, and for
    each the consortia whose rows changed, if known), only what depends on them is rebuilt;
    returns the tables rebuilt then (None: all of them).
    """
    create_schema(con)
    if changed is None:
        load_catalogue(con)
        create_views(con)
        rebuilt = None
        checks = list(check_files().values())
    else:
        dirty = {table: (consortia or {}).get(table) for table in changed}
        rebuilt = refresh_views(con, dirty)
        # a check reading nothing that changed passed on the live version, built from this SQL
        checks = [p for p in check_files().values()
                  if _reads(p.read_text(encoding="utf-8"), set(dirty))]
    dictionary.apply_comments(con)
    failures = [f for f in (run_check(con, p) for p in checks) if f]
    if failures:
        raise BuildError(failures)
    con.execute("delete from raw_build_info")
    con.execute("insert into raw_build_info values (?, current_timestamp)", [code_fingerprint()])
    return rebuilt
