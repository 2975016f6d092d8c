"""Which ad-hoc SQL the workbench accepts, and how every refusal or failure is explained.

Rules, checked in this order on the text an analyst typed:
1. exactly one statement (DuckDB's own splitter, so a `;` inside a comment or a string cannot
   hide a second statement);
2. of type SELECT, which in DuckDB also covers WITH, FROM-first queries, VALUES, DESCRIBE,
   SUMMARIZE and SHOW; every write, DDL, ATTACH/DETACH, COPY/EXPORT, INSTALL/LOAD, SET/RESET,
   PRAGMA, CALL and transaction statement is refused by its type;
3. table functions only from a short allow-list (ranges, unnest, JSON helpers and DuckDB's own
   catalogue functions): `read_csv`, `read_parquet`, `glob`, `query` and every other function
   that could open a file, a URL or another database is refused by name, wherever it hides in
   the query (subqueries, CTEs, lateral joins).

These checks give clear messages; they are not the sandbox itself. The query then runs on a
read-only connection with external access off and its configuration locked, in a process of its
own (warehouse/sandbox.py), so a statement these rules let through still cannot write or read
outside the warehouse. Every message exists in Korean and English.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

import duckdb

#: longer text is refused before parsing (a saved query is a few hundred characters)
MAX_SQL_CHARS = 100_000

ALLOWED_TABLE_FUNCTIONS = frozenset({
    "range", "generate_series", "unnest", "repeat", "json_each", "json_tree",
    "pg_timezone_names", "pragma_table_info", "test_all_types",
})
ALLOWED_TABLE_FUNCTION_PREFIXES = ("duckdb_",)

READ_ONLY_HINT = ("이 작업대는 조회(SELECT, WITH, DESCRIBE, SUMMARIZE, SHOW)만 실행합니다.",
                  "The workbench runs read queries only (SELECT, WITH, DESCRIBE, SUMMARIZE, "
                  "SHOW).")

#: statement type -> (what it does, in Korean, in English)
STATEMENT_KINDS: dict[str, tuple[str, str]] = {
    "INSERT": ("자료를 추가하는 문장", "it adds rows"),
    "UPDATE": ("자료를 고치는 문장", "it changes rows"),
    "DELETE": ("자료를 지우는 문장", "it deletes rows"),
    "MERGE_INTO": ("자료를 고치는 문장", "it changes rows"),
    "CREATE": ("객체를 만드는 문장(DDL)", "it creates objects (DDL)"),
    "DROP": ("객체를 지우는 문장(DDL)", "it drops objects (DDL)"),
    "ALTER": ("객체를 바꾸는 문장(DDL)", "it alters objects (DDL)"),
    "ATTACH": ("다른 데이터베이스를 붙이는 문장", "it attaches another database"),
    "DETACH": ("데이터베이스를 떼는 문장", "it detaches a database"),
    "COPY": ("파일을 읽거나 쓰는 문장", "it reads or writes files"),
    "EXPORT": ("파일로 내보내는 문장", "it writes files"),
    "LOAD": ("확장 기능을 설치·로드하는 문장", "it installs or loads extensions"),
    "SET": ("설정을 바꾸는 문장", "it changes settings"),
    "VARIABLE_SET": ("설정을 바꾸는 문장", "it changes settings"),
    "PRAGMA": ("설정을 바꾸거나 명령을 실행하는 문장", "it changes settings or runs commands"),
    "CALL": ("명령을 실행하는 문장", "it runs commands"),
    "TRANSACTION": ("트랜잭션 문장", "it controls transactions"),
    "VACUUM": ("저장소를 정리하는 문장", "it maintains storage"),
    "PREPARE": ("준비된 문장", "it prepares statements"),
    "EXECUTE": ("준비된 문장 실행", "it executes prepared statements"),
    "EXPLAIN": ("실행 계획 문장", "EXPLAIN ANALYZE would run the statement it explains"),
    "UNKNOWN": ("종류를 알 수 없는 문장", "it is of a kind the workbench does not know"),
    "MULTI": ("여러 문장으로 실행되는 문장(PIVOT 등; group by와 filter로 대신 쓰세요)",
              "it runs as several statements (e.g. PIVOT; write it with group by and "
              "filter instead)"),
}


@dataclass(frozen=True)
class Problem:
    """Why a query did not run or did not finish, for the analyst, in both languages."""

    #: refused | syntax | failed | timeout | memory | busy | crashed | no_warehouse
    kind: str
    message_ko: str
    message_en: str
    #: DuckDB's own words, when it had any (shown beneath the explanation)
    detail: str = ""

    def message(self, language: str) -> str:
        """The explanation in 'ko' or 'en'."""
        return self.message_ko if language == "ko" else self.message_en

    def to_dict(self) -> dict[str, str]:
        """A plain dict (crosses the process boundary as JSON)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Problem:
        """The inverse of to_dict."""
        return cls(**{k: str(values.get(k, "")) for k in ("kind", "message_ko", "message_en",
                                                           "detail")})


class Refused(Exception):
    """The query was refused before it ran."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message_en)
        self.problem = problem


def _refused(ko: str, en: str, detail: str = "") -> Refused:
    return Refused(Problem("refused", ko, en, detail))


def first_line(error: BaseException) -> str:
    """DuckDB's message without its hints and caret lines."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def syntax_problem(error: BaseException) -> Problem:
    """A statement DuckDB could not parse."""
    return Problem("syntax", "SQL 문법 오류입니다. 표시된 위치 근처를 확인하세요.",
                   "The SQL has a syntax error; check near the position shown.", str(error))


def _type_name(statement: duckdb.Statement) -> str:
    """SELECT, DELETE, ...; UNKNOWN for a type this DuckDB build's Python enum lacks."""
    try:
        return str(statement.type).rsplit(".", 1)[-1]
    except ValueError:  # e.g. UPDATE EXTENSIONS: "29 is not a valid StatementType"
        return "UNKNOWN"


def _table_functions(node: Any, found: list[str]) -> list[str]:
    """Every table function named anywhere in a serialized query tree."""
    if isinstance(node, dict):
        if node.get("type") == "TABLE_FUNCTION":
            function = node.get("function") or {}
            found.append(str(function.get("function_name", "")).lower())
        for value in node.values():
            _table_functions(value, found)
    elif isinstance(node, list):
        for value in node:
            _table_functions(value, found)
    return found


def _is_allowed_table_function(name: str) -> bool:
    return name in ALLOWED_TABLE_FUNCTIONS or name.startswith(ALLOWED_TABLE_FUNCTION_PREFIXES)


def _check_table_functions(con: duckdb.DuckDBPyConnection, text: str) -> None:
    serialized = con.execute("select json_serialize_sql(?)", [text]).fetchall()[0][0]
    tree = json.loads(serialized)
    if tree.get("error"):
        raise _refused("이 조회는 안전 점검을 통과하지 못해 실행하지 않았습니다.",
                       "This query could not be checked, so it was not run.",
                       str(tree.get("error_message", "")))
    for name in _table_functions(tree, []):
        if not _is_allowed_table_function(name):
            raise _refused(
                f"테이블 함수 {name}()는 쓸 수 없습니다. 이 작업대는 파일, 네트워크, 다른 "
                "데이터베이스에 접근하지 않고 웨어하우스의 테이블과 뷰만 조회합니다.",
                f"The table function {name}() is not available: the workbench reads the "
                "warehouse's tables and views only, never files, the network or other databases.")


def accepted_statement(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.Statement:
    """The single read statement in `sql`; raises Refused with the reason otherwise."""
    if len(sql) > MAX_SQL_CHARS:
        raise _refused(f"조회문이 너무 깁니다({MAX_SQL_CHARS:,}자 이하).",
                       f"The query is too long (at most {MAX_SQL_CHARS:,} characters).")
    try:
        statements = con.extract_statements(sql)
    except duckdb.ParserException as error:
        raise Refused(syntax_problem(error)) from error
    except (duckdb.Error, ValueError) as error:
        raise _refused(f"알 수 없는 종류의 문장입니다. {READ_ONLY_HINT[0]}",
                       f"This kind of statement is not known here. {READ_ONLY_HINT[1]}",
                       first_line(error)) from error
    if not statements:
        raise _refused("실행할 조회문이 없습니다.", "There is no query to run.")
    if len(statements) > 1:
        raise _refused(
            f"한 번에 한 문장만 실행합니다({len(statements)}개 문장을 받았습니다). "
            "주석이나 문자열 밖의 세미콜론(;)이 문장을 나눕니다.",
            f"One statement at a time: this text holds {len(statements)} statements "
            "(a semicolon outside comments and strings ends a statement).")
    statement = statements[0]
    kind = _type_name(statement)
    if kind != "SELECT":
        what_ko, what_en = STATEMENT_KINDS.get(kind, ("허용되지 않는 문장", "it is not a read"))
        raise _refused(f"{kind} 문장은 실행할 수 없습니다({what_ko}). {READ_ONLY_HINT[0]}",
                       f"{kind} statements are refused: {what_en}. {READ_ONLY_HINT[1]}")
    _check_table_functions(con, statement.query)
    return statement


def explain(error: BaseException, timeout_s: float) -> Problem:
    """A failure raised while a query ran, explained for the analyst."""
    detail = first_line(error)
    if isinstance(error, duckdb.InterruptException):
        return timed_out(timeout_s)
    if isinstance(error, duckdb.OutOfMemoryException):
        return Problem("memory", "조회에 허용된 메모리를 넘었습니다. 열이나 행을 줄이거나 "
                       "먼저 집계하세요.", "The query needed more memory than it is allowed; "
                       "select fewer columns or rows, or aggregate first.", detail)
    if isinstance(error, duckdb.PermissionException):
        return Problem("refused", "파일, 네트워크, 확장 기능, 설정에는 접근할 수 없습니다. "
                       "웨어하우스의 테이블과 뷰만 조회하세요.", "Files, the network, "
                       "extensions and settings are out of reach here; query the warehouse's "
                       "tables and views.", detail)
    if isinstance(error, duckdb.ParserException):
        return syntax_problem(error)
    if "read-only" in detail or "configuration has been locked" in detail:
        return Problem("refused", f"웨어하우스는 바꿀 수 없습니다. {READ_ONLY_HINT[0]}",
                       f"The warehouse cannot be changed. {READ_ONLY_HINT[1]}", detail)
    if isinstance(error, duckdb.CatalogException) and "extension" in detail:
        return Problem("refused", "확장 기능은 설치하거나 로드할 수 없습니다.",
                       "Extensions cannot be installed or loaded here.", detail)
    if isinstance(error, duckdb.CatalogException):
        return Problem("failed", "없는 테이블, 열 또는 함수를 썼습니다. 스키마 탐색기에서 "
                       "이름을 확인하세요.", "A table, column or function of that name does not "
                       "exist; check the names in the schema browser.", str(error).strip())
    return Problem("failed", "조회를 실행하지 못했습니다.", "The query failed.",
                   str(error).strip())


def not_permitted() -> Problem:
    """The viewer's role does not include the workbench (analysts and administrators only)."""
    return Problem("refused", "SQL 작업대는 분석가와 관리자만 쓸 수 있습니다.",
                   "The SQL workbench is for analysts and administrators only.")


def timed_out(timeout_s: float) -> Problem:
    """The query ran out of time and was stopped."""
    return Problem("timeout", f"시간 제한({timeout_s:g}초)을 넘어 조회를 중단했습니다. 조건을 "
                   "좁히거나 먼저 집계하세요.", f"The query was stopped at the time limit "
                   f"({timeout_s:g} s); narrow it down or aggregate first.")
