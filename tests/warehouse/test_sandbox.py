"""The SQL workbench's sandbox refuses or stops every hostile or broken statement, explains why in
Korean and English, and leaves the warehouse file byte for byte as it was.

Each statement of the corpus runs through the real Sandbox (worker process, read-only DuckDB
with external access off and configuration locked) against the tiny program's warehouse; the
warehouse folder is hashed before and after. The runaway cross join runs under a short time
limit. The other tests show that good queries run, that the row cap and the pointer are
honoured, and that the sandbox works beside the app's Reader in the same process.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

import config
from warehouse.connection import Reader
from warehouse.sandbox import Sandbox, worker_environment
from warehouse.store import POINTER, current_file

RUNAWAY = "select count(*) from range(100000000) as a, range(100000000) as b"

# (statement, what it tries) -- `{warehouse}` and `{submission}` are filled in by the test
HOSTILE: list[tuple[str, str]] = [
    ("delete from raw_student", "write"),
    ("insert into raw_student select * from raw_student", "write"),
    ("update raw_load set outcome = 'forged'", "write"),
    ("truncate raw_rejected_row", "write"),
    ("merge into raw_target using raw_target as s on true when matched then delete", "write"),
    ("with gone as (delete from raw_student returning *) select count(*) from gone",
     "write hidden in a CTE"),
    ("create table stolen as select * from raw_student", "DDL"),
    ("create temp table scratch as select 1 as x", "DDL"),
    ("create or replace view kpi_scorecard as select 1 as x", "DDL"),
    ("drop table raw_student", "DDL"),
    ("alter table raw_student add column extra integer", "DDL"),
    ("create macro leak() as 1", "DDL"),
    ("comment on table raw_student is 'changed'", "DDL"),
    ("create secret (type s3, key_id 'a', secret 'b')", "secret"),
    ("attach '/tmp/other.duckdb' as other", "attachment"),
    ("detach warehouse", "attachment"),
    ("use system", "attachment"),
    ("copy raw_student to '/tmp/leak.csv'", "file write"),
    ("copy (select 1) to '/tmp/leak.parquet' (format parquet)", "file write"),
    ("export database '/tmp/leak'", "file write"),
    ("copy raw_student from '/etc/passwd'", "file read"),
    ("install httpfs", "extension"),
    ("load httpfs", "extension"),
    ("force install httpfs", "extension"),
    ("load '/tmp/evil.duckdb_extension'", "extension"),
    ("update extensions", "extension"),
    ("select * from read_xlsx('report.xlsx')", "extension"),
    ("set enable_external_access = true", "configuration"),
    ("set memory_limit = '100GB'", "configuration"),
    ("reset threads", "configuration"),
    ("set variable secret_value = 1", "configuration"),
    ("pragma enable_profiling", "configuration"),
    ("call pragma_version()", "command"),
    ("checkpoint", "command"),
    ("begin transaction", "transaction"),
    ("vacuum", "maintenance"),
    ("pivot raw_student on status", "multi-statement"),
    ("select * from read_csv('/etc/passwd')", "file read"),
    ("select * from read_text('/etc/passwd')", "file read"),
    ("from '/etc/hosts.csv'", "file read by replacement scan"),
    ("select * from '/etc/passwd'", "file read by replacement scan"),
    ("select * from read_parquet('/tmp/data.parquet')", "file read"),
    ("select * from glob('/etc/*')", "file listing"),
    ("select * from read_json('https://example.com/data.json')", "network"),
    ("select * from read_csv('http://127.0.0.1:9/x.csv')", "network"),
    ("select * from read_blob('{warehouse}')", "raw bytes of the warehouse file"),
    ("select * from read_csv('{submission}')", "clear identifiers in a submission"),
    ("select * from sqlite_scan('/tmp/x.db', 't')", "other database"),
    ("select * from query('select * from read_text(''/etc/passwd'')')", "file read in a string"),
    ("select (select count(*) from read_csv('/etc/passwd')) as n", "file read in a subquery"),
    ("with x as (select * from read_text('/etc/hostname')) select * from x", "file read in a CTE"),
    ("summarize (select * from read_csv('/etc/passwd'))", "file read in SUMMARIZE"),
    ("select 1; drop table raw_student", "second statement"),
    ("select 1 /* ; */ ; delete from raw_student", "second statement after a comment"),
    ("select 1 -- harmless\n; delete from raw_student", "second statement after a comment"),
    ("select ';' as s; delete from raw_student", "second statement after a string"),
    ("prepare p as delete from raw_student", "prepared statement"),
    ("explain analyze delete from raw_student", "explain runs the statement"),
    ("selec 1", "syntax error"),
    ("select from where", "syntax error"),
    ("select 'unterminated", "syntax error"),
    ("", "nothing"),
    ("-- only a comment", "nothing"),
    ("select * from no_such_table", "unknown table"),
    (RUNAWAY, "runaway cross join"),
]


def warehouse_fingerprint(directory: Path) -> dict[str, str]:
    """Every file of the warehouse folder with the SHA-256 of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def sandbox(tiny_warehouse: Path) -> Iterator[Sandbox]:
    """A sandbox with a short time limit, so the runaway query is stopped quickly."""
    limits = replace(config.sql_limits(), timeout_s=1.5, memory_mb=256)
    source = Sandbox(tiny_warehouse, limits)
    yield source
    source.close()


def test_the_corpus_is_large_enough() -> None:
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize(("statement", "attempt"), HOSTILE,
                         ids=[f"{i:02d}-{a}" for i, (_, a) in enumerate(HOSTILE)])
def test_a_hostile_or_broken_statement_is_refused_and_changes_nothing(
        sandbox: Sandbox, tiny_warehouse: Path, tiny_program: Path, statement: str,
        attempt: str) -> None:
    submission = next(tiny_program.rglob("*.csv"))
    sql = statement.format(warehouse=current_file(tiny_warehouse), submission=submission) \
        if "{" in statement else statement
    before = warehouse_fingerprint(tiny_warehouse)
    result = sandbox.run(sql)
    assert not result.ok, f"{attempt}: ran and returned {result.frame}"
    assert result.frame is None
    problem = result.problem
    expected = "timeout" if statement == RUNAWAY else None
    if expected:
        assert problem.kind == expected
    else:
        assert problem.kind in ("refused", "syntax", "failed"), problem
    assert problem.message_ko and problem.message_en
    assert any("\uac00" <= ch <= "\ud7a3" for ch in problem.message_ko), "Korean message"
    assert warehouse_fingerprint(tiny_warehouse) == before
    for leaked in (Path("/tmp/leak.csv"), Path("/tmp/leak.parquet"), Path("/tmp/leak")):
        assert not leaked.exists()


def test_a_refusal_names_what_was_refused(sandbox: Sandbox) -> None:
    assert "DELETE" in sandbox.run("delete from raw_student").problem.message_en
    assert "read_csv()" in sandbox.run("from read_csv('/etc/passwd')").problem.message_ko
    assert "2" in sandbox.run("select 1; select 2").problem.message_en


def test_the_runaway_query_is_stopped_by_the_time_limit(sandbox: Sandbox) -> None:
    result = sandbox.run(RUNAWAY)
    assert result.problem.kind == "timeout"
    assert "1.5" in result.problem.message_en
    assert sandbox.run("select 42 as answer").frame["answer"].to_list() == [42]


def test_a_read_query_returns_the_warehouse_rows(sandbox: Sandbox) -> None:
    result = sandbox.run("select consortium_id, count(*) as students from fct_participation "
                         "group by consortium_id order by consortium_id")
    assert result.ok and not result.truncated
    assert result.frame.rows() == [("42maru", 1), ("vaiv", 5)]
    assert result.warehouse_version == current_file(sandbox.directory).name


@pytest.mark.parametrize("statement", [
    "describe fct_participation", "summarize fct_degree", "show tables",
    "from kpi_catalogue", "values (1, 'a'), (2, 'b')",
    "select * from duckdb_columns() where table_name = 'fct_degree'",
    "select * from range(3)", "select * from (select 1 as x) /* ; not a second statement */",
])
def test_describe_summarize_show_and_other_read_forms_run(sandbox: Sandbox,
                                                          statement: str) -> None:
    result = sandbox.run(statement)
    assert result.ok, result.problem
    assert result.frame.height > 0


def test_duplicate_names_and_unusual_types_still_make_a_frame(sandbox: Sandbox) -> None:
    result = sandbox.run("select 1 as a, 2 as a, interval 3 day as gap, [1, 2] as items")
    assert result.frame.columns == ["a", "a_1", "gap", "items"]
    assert result.frame["items"].to_list() == [[1, 2]]
    assert "3" in result.frame["gap"].item()


def test_rows_beyond_the_cap_are_cut_and_flagged(tiny_warehouse: Path) -> None:
    source = Sandbox(tiny_warehouse, replace(config.sql_limits(), row_cap=100), spares=0)
    try:
        over = source.run("select * from range(1000)")
        exact = source.run("select * from range(100)")
    finally:
        source.close()
    assert over.frame.height == 100 and over.truncated
    assert exact.frame.height == 100 and not exact.truncated


def test_the_sandbox_follows_the_pointer_to_a_newly_published_version(
        tiny_warehouse: Path, tmp_path: Path) -> None:
    live = current_file(tiny_warehouse)
    first, second = tmp_path / "warehouse-a.duckdb", tmp_path / "warehouse-b.duckdb"
    shutil.copyfile(live, first)
    shutil.copyfile(live, second)
    with duckdb.connect(str(second)) as con:
        con.execute("create table marker as select 'second' as version")
    (tmp_path / POINTER).write_text(first.name, encoding="utf-8")
    source = Sandbox(tmp_path, spares=0)
    try:
        before = source.run("select version from marker")
        (tmp_path / ".pointer").write_text(second.name, encoding="utf-8")
        os.replace(tmp_path / ".pointer", tmp_path / POINTER)
        after = source.run("select version from marker")
    finally:
        source.close()
    assert before.problem.kind == "failed" and before.warehouse_version == first.name
    assert after.frame["version"].to_list() == ["second"]
    assert after.warehouse_version == second.name


def test_a_pinned_version_is_read_even_after_the_pointer_moved(tiny_warehouse: Path,
                                                               tmp_path: Path) -> None:
    live = current_file(tiny_warehouse)
    first, second = tmp_path / "warehouse-a.duckdb", tmp_path / "warehouse-b.duckdb"
    for path, label in ((first, "first"), (second, "second")):
        shutil.copyfile(live, path)
        with duckdb.connect(str(path)) as con:
            con.execute(f"create table marker as select '{label}' as version")
    (tmp_path / POINTER).write_text(second.name, encoding="utf-8")
    source = Sandbox(tmp_path, spares=0)
    try:
        pinned = source.run("select version from marker", first.name)
        gone = source.run("select version from marker", "warehouse-cleaned-up.duckdb")
        outside = source.run("select version from marker", f"../{tmp_path.name}/{first.name}")
    finally:
        source.close()
    assert pinned.frame["version"].to_list() == ["first"]
    assert pinned.warehouse_version == first.name
    assert gone.frame["version"].to_list() == ["second"], "a cleaned-up version: the live one"
    assert outside.warehouse_version == second.name, "only a plain file name pins a version"


def test_the_sandbox_runs_beside_the_apps_reader_in_one_process(sandbox: Sandbox,
                                                                 tiny_warehouse: Path) -> None:
    reader = Reader(tiny_warehouse)
    try:
        assert reader.frame("select count(*) as n from fct_degree").item() == 2
        assert sandbox.run("select count(*) as n from fct_degree").frame.item() == 2
        assert reader.frame("select count(*) as n from fct_degree").item() == 2
    finally:
        reader.close()


def test_the_worker_sees_none_of_the_servers_environment(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setenv("OUTCOMES_PSEUDONYM_KEY", "do-not-leak")
    environment = worker_environment()
    assert not any(key.startswith("OUTCOMES_") for key in environment)
    assert "do-not-leak" not in environment.values()


def test_nothing_to_query_before_the_first_load(tmp_path: Path) -> None:
    source = Sandbox(tmp_path, spares=0)
    assert source.run("select 1").problem.kind == "no_warehouse"
