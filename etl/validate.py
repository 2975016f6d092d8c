"""Checking raw text against the contract: typed rows in, rejected values out, nothing dropped.

`validate` is a pure function of a `RawTable`. Each column is parsed with one vectorised
expression that also yields a reason code when the value is wrong; dataset rules that involve
several columns (end before start, graduated without a date, duplicate keys) add more. A row with
any reason is rejected as a whole and every reason is reported, so `rows in = accepted + rejected`
always holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import polars as pl

from contract import Column, Dataset
from etl import grants
from etl.distinct import distinct_mapping, map_distinct
from etl.industry_fields import CANONICAL_KR_APPLICATION, CANONICAL_KR_REGISTRATION, NORMALISERS
from etl.institutions import match_names, name_token
from etl.readers import ROW, RawTable

TRUE_WORDS = ["y", "yes", "true", "1", "예", "o", "참", "oa"]
FALSE_WORDS = ["n", "no", "false", "0", "아니오", "아니요", "x", "거짓"]
DATE_FORMATS = ("%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d", "%Y%m%d")
EXCEL_EPOCH = date(1899, 12, 30)
PERSONAL_VALUE = "(개인정보 비공개 / personal value withheld)"
#: prefix of the helper column holding a normaliser's refusal (see etl/industry_fields.py)
NORMALISED = "_refused_"
#: a rejected value is shown up to this many characters (the start of an acknowledgement)
SHOWN_CHARACTERS = 160
#: what etl/grants.py found in a grant column, kept beside it as `<column>_found`
FOUND_SCHEMA = pl.Struct({"numbers": pl.List(pl.String), "shares": pl.List(pl.Float64),
                          "malformed": pl.List(pl.String), "grant_count": pl.Int64})

REJECTION_SCHEMA = {
    "dataset": pl.String, "file_name": pl.String, "sheet": pl.String, "row_number": pl.Int64,
    "column_name": pl.String, "header": pl.String, "value_shown": pl.String,
    "reason_code": pl.String,
}


@dataclass(frozen=True)
class Context:
    """What validation needs to know beyond the file itself."""

    period_end: date
    institution_index: dict[str, str]
    kpi_ids: frozenset[str]


@dataclass(frozen=True)
class Validated:
    """The outcome of validating one raw table."""

    table: RawTable
    accepted: pl.DataFrame
    rejections: pl.DataFrame

    @property
    def rows_in(self) -> int:
        """Data rows read from the file."""
        return self.table.frame.height

    @property
    def rows_rejected(self) -> int:
        """Rows refused, each counted once however many reasons it has."""
        return self.rejections["row_number"].n_unique()


def _parse_date(text: pl.Expr) -> pl.Expr:
    # '2025. 3. 2.' and '2025년 3월 2일' (Korean Excel's display forms) read as 2025.3.2; a
    # time after the date ('2025-03-02 13:30', or a date cell's '00:00:00') is ignored
    cleaned = (text.str.replace(r"\s+\d{1,2}:\d{2}(:\d{2})?$", "")
               .str.replace_all(r"\s*[년월]\s*", ".").str.replace(r"\s*일$", "")
               .str.replace_all(r"\s+", "").str.strip_chars_end(".").str.slice(0, 10))
    serial = (pl.when(text.str.contains(r"^\d{5}(\.\d+)?$"))
              .then(pl.lit(EXCEL_EPOCH) + pl.duration(days=text.cast(pl.Float64, strict=False)
                                                      .cast(pl.Int64, strict=False)))
              .cast(pl.Date))
    return pl.coalesce(*[cleaned.str.strptime(pl.Date, f, strict=False) for f in DATE_FORMATS],
                       serial)


def _found(text: str) -> dict[str, object]:
    found = grants.find(text)
    shares = {g.number: g.share_pct for g in found.grants}
    shares.update({g.twin: g.share_pct for g in found.grants if g.twin})
    return {"numbers": list(found.numbers), "shares": [shares[n] for n in found.numbers],
            "malformed": list(found.malformed), "grant_count": len(found.grants)}


def _with_grants_found(raw: pl.DataFrame, dataset: Dataset) -> pl.DataFrame:
    """Add `<column>_found` to each grant column: the numbers etl/grants.py finds in it."""
    for column in (c for c in dataset.columns if c.dtype in ("grant", "grants")):
        mapping = distinct_mapping(raw[column.name], _found)
        raw = raw.with_columns(raw[column.name].replace_strict(
            mapping, default=None, return_dtype=FOUND_SCHEMA).alias(f"{column.name}_found"))
    return raw


def _grant_value(column: Column) -> tuple[pl.Expr, pl.Expr]:
    """A grant column's canonical number(s), and why a present value yields none."""
    found = pl.col(f"{column.name}_found")
    numbers, malformed = found.struct.field("numbers"), found.struct.field("malformed")
    reason = pl.when(malformed.list.len() > 0).then(pl.lit("malformed_grant_number"))
    if column.dtype == "grants":
        value = pl.when(numbers.list.len() > 0).then(numbers)
        return value, reason.otherwise(pl.lit("no_grant_number"))
    one = (found.struct.field("grant_count") == 1) & (malformed.list.len() == 0)
    return (pl.when(one).then(numbers.list.first()),
            reason.otherwise(pl.lit("not_grant_number")))


def _parse(column: Column, text: pl.Expr) -> tuple[pl.Expr, str | pl.Expr]:
    """The typed value of a column and the reason code used when it cannot be parsed."""
    if column.dtype in ("grant", "grants"):
        return _grant_value(column)
    if column.allowed is not None:
        labels = {label.casefold(): code for code, names in column.allowed.items()
                  for label in (code, *names)}
        text = text.str.to_lowercase().replace_strict(labels, default=None)
    match column.dtype:
        case "int":
            value = text.str.replace(r"\.0+$", "").cast(pl.Int64, strict=False)
            reason = "not_integer"
        case "number":
            value = text.str.replace_all(",", "").cast(pl.Float64, strict=False)
            reason = "not_number"
        case "date":
            value, reason = _parse_date(text), "not_date"
        case "bool":
            lowered = text.str.to_lowercase()
            value = (pl.when(lowered.is_in(TRUE_WORDS)).then(True)
                     .when(lowered.is_in(FALSE_WORDS)).then(False))
            reason = "not_boolean"
        case "list":
            value = text.str.split(";").list.eval(pl.element().str.strip_chars()
                                                  .filter(pl.element() != ""))
            reason = "bad_format"
        case _:
            value, reason = text, "bad_format"
    if column.allowed is not None:
        reason = "not_allowed"
    return value, reason


def _column_checks(column: Column) -> tuple[pl.Expr, pl.Expr]:
    raw = pl.col(column.name)
    present = raw.is_not_null() & (raw != "")
    value, parse_reason = _parse(column, raw)
    error = pl.when(~present & pl.lit(column.required)).then(pl.lit(column.missing_reason))
    if not column.drop:  # a dropped value ('+82-10-...') is never stored, so never a formula
        error = error.when(present & raw.str.contains(r"^[=+@]")).then(pl.lit("formula"))
    if column.normalise:
        refused = pl.col(f"{NORMALISED}{column.name}")
        error = error.when(present & refused.is_not_null()).then(refused)
    error = error.when(present & value.is_null()).then(
        parse_reason if isinstance(parse_reason, pl.Expr) else pl.lit(parse_reason))
    if column.pattern and column.dtype == "list":
        wrong = value.list.eval(~pl.element().str.contains(column.pattern)).list.any()
        error = error.when(present & wrong).then(pl.lit("bad_format"))
    elif column.pattern:
        error = error.when(present & ~value.cast(pl.String).str.contains(column.pattern)) \
            .then(pl.lit("bad_format"))
    if column.min_value is not None:
        error = error.when(present & (value < column.min_value)).then(pl.lit("out_of_range"))
    if column.max_value is not None:
        error = error.when(present & (value > column.max_value)).then(pl.lit("out_of_range"))
    return value.alias(column.name), error.otherwise(None).alias(f"_error_{column.name}")


Rule = Callable[[Context], list[tuple[str, pl.Expr, str]]]


def _ends_after_starts(start: str, end: str) -> list[tuple[str, pl.Expr, str]]:
    return [(end, pl.col(end) < pl.col(start), "end_before_start")]


def _not_after_period(ctx: Context, *columns: str) -> list[tuple[str, pl.Expr, str]]:
    return [(c, pl.col(c) > ctx.period_end, "after_period") for c in columns]


DATASET_RULES: dict[str, Rule] = {
    "students": lambda ctx: [
        *_not_after_period(ctx, "enrolment_date", "participation_start", "graduation_date"),
        *_ends_after_starts("participation_start", "participation_end"),
        ("participation_start", pl.col("participation_start") < pl.col("enrolment_date")
         - pl.duration(days=366), "out_of_range"),
        ("graduation_date", (pl.col("status") == "graduated") & pl.col("graduation_date")
         .is_null(), "graduation_missing"),
        ("graduation_date", pl.col("graduation_date") < pl.col("enrolment_date"),
         "graduation_before_enrolment"),
    ],
    "dispatches": lambda ctx: [*_not_after_period(ctx, "start_date", "end_date"),
                               *_ends_after_starts("start_date", "end_date")],
    "projects": lambda ctx: [*_not_after_period(ctx, "start_date"),
                             *_ends_after_starts("start_date", "end_date")],
    "publications": lambda ctx: [("year", pl.col("year") > ctx.period_end.year,
                                  "after_period")],
    "grants": lambda ctx: [
        ("scheme", pl.col("scheme") != pl.col("grant_number").map_batches(
            lambda numbers: map_distinct(numbers, grants.scheme_of), return_dtype=pl.String),
         "scheme_mismatch"),
        *_ends_after_starts("valid_from", "valid_to"),
    ],
    "targets": lambda ctx: [("kpi_id", ~pl.col("kpi_id").is_in(list(ctx.kpi_ids)),
                             "unknown_kpi")],
    "support": lambda ctx: [
        *_not_after_period(ctx, "start_date", "end_date"),
        *_ends_after_starts("start_date", "end_date"),
        ("gpu_model", (pl.col("support_type") == "compute") & pl.col("gpu_model").is_null(),
         "gpu_model_missing"),
        ("gpu_cards", pl.col("unit").is_in(["hours", "months"])
         & (pl.col("support_type") == "compute") & pl.col("gpu_cards").is_null(),
         "gpu_cards_missing"),
        ("value_basis", pl.col("value_krw").is_not_null() & pl.col("value_basis").is_null(),
         "value_basis_missing"),
    ],
    "patents": lambda ctx: [
        *_not_after_period(ctx, "application_date", "registration_date"),
        *_ends_after_starts("application_date", "registration_date"),
        ("application_number", (pl.col("office") == "KR")
         & ~pl.col("application_number").str.contains(CANONICAL_KR_APPLICATION),
         "bad_patent_number"),
        # a 13-digit registration number (10NNNNNNN0000) reads as an application of some year;
        # the filing date shows it is not one
        ("application_number", (pl.col("office") == "KR")
         & (pl.col("application_number").str.slice(3, 4)
            != pl.col("application_date").dt.year().cast(pl.String)),
         "application_year_mismatch"),
        ("registration_number", (pl.col("office") == "KR")
         & ~pl.col("registration_number").str.contains(CANONICAL_KR_REGISTRATION),
         "bad_patent_number"),
        ("registration_date", pl.col("registration_number").is_not_null()
         != pl.col("registration_date").is_not_null(), "registration_incomplete"),
    ],
    "transfers": lambda ctx: [*_not_after_period(ctx, "contract_date")],
    "artefacts": lambda ctx: [
        *_not_after_period(ctx, "release_date", "observed_date"),
        ("observed_date", (pl.col("downloads").is_not_null() | pl.col("stars").is_not_null())
         & pl.col("observed_date").is_null(), "observed_date_missing"),
        ("observed_date", pl.col("observed_date") < pl.col("release_date"), "end_before_start"),
    ],
}


def _normalise(raw: pl.DataFrame, dataset: Dataset) -> pl.DataFrame:
    """Columns with a normaliser in canonical form, plus the reason a value was refused.

    Each distinct value is normalised once. A refused value keeps its text (so the quarantine
    shows what was sent) and its reason goes in `_refused_<column>`.
    """
    for column in (c for c in dataset.columns if c.normalise):
        normaliser = NORMALISERS[column.normalise]
        outcomes = {value: normaliser(value)
                    for value in raw[column.name].drop_nulls().unique().to_list() if value}
        canonical = {value: result or value for value, (result, _) in outcomes.items()}
        refused = {value: reason for value, (_, reason) in outcomes.items() if reason}
        raw = raw.with_columns(
            pl.col(column.name).replace_strict(canonical, default=pl.col(column.name),
                                               return_dtype=pl.String),
            pl.col(column.name).replace_strict(refused, default=None, return_dtype=pl.String)
            .alias(f"{NORMALISED}{column.name}"))
    return raw


#: which of the tables validated together a row came from
TABLE = "_table"


def _institution_ids(raw: pl.DataFrame, dataset: Dataset,
                     index: dict[str, str]) -> list[tuple[str, pl.Series, pl.Series]]:
    """For each institution column: its `<column>_id` values and whether a name is unknown.

    Names are matched in Python once per distinct spelling (etl/institutions.py), then handed
    to the one polars pass as whole columns.
    """
    found = []
    for column in (c for c in dataset.columns if c.institution):
        if column.dtype == "list":
            names = raw.select(_parse(column, pl.col(column.name))[0]).to_series()
            mapping = distinct_mapping(names, lambda name: index.get(name_token(name)))
            ids = names.list.eval(pl.element().replace_strict(mapping, default=None,
                                                              return_dtype=pl.String))
            unknown = ids.list.eval(pl.element().is_null()).list.any().fill_null(False)
        else:
            ids = match_names(raw[column.name], index)
            unknown = ids.is_null() & raw[column.name].is_not_null()
        found.append((column.name, ids, unknown))
    return found


def _first_error(column_name: str, broken: pl.Expr, reason: str) -> pl.Expr:
    """Set the column's reason unless an earlier check already gave one."""
    error = f"_error_{column_name}"
    return (pl.when(pl.col(error).is_null() & broken.fill_null(False)).then(pl.lit(reason))
            .otherwise(pl.col(error)).alias(error))


def validate(table: RawTable, ctx: Context) -> Validated:
    """Split a raw table into typed accepted rows and reported rejections."""
    return validate_tables([table], ctx)[0]


def validate_tables(tables: list[RawTable], ctx: Context) -> list[Validated]:
    """Validate tables of one dataset (every file and sheet of a submission) in one pass.

    The rows of all tables are checked by one polars query; duplicate keys are still judged
    within each file, and each table gets back its own accepted rows and rejections.
    """
    dataset = tables[0].dataset
    if any(t.dataset.name != dataset.name for t in tables):
        raise ValueError("validate_tables takes tables of one dataset")
    raw = pl.concat([t.frame.with_columns(pl.lit(i, pl.Int32).alias(TABLE))
                     for i, t in enumerate(tables)], how="diagonal")
    plan = _with_grants_found(_normalise(raw, dataset), dataset).lazy().with_columns(
        expr for column in dataset.columns for expr in _column_checks(column))
    for name, ids, unknown in _institution_ids(raw, dataset, ctx.institution_index):
        plan = plan.with_columns(ids.alias(f"{name}_id"), unknown.alias(f"_unknown_{name}")) \
            .with_columns(_first_error(name, pl.col(f"_unknown_{name}"), "unknown_institution")) \
            .drop(f"_unknown_{name}")
    for column_name, broken, reason in DATASET_RULES.get(dataset.name, lambda _: [])(ctx):
        plan = plan.with_columns(_first_error(column_name, broken, reason))
    plan = _mark_duplicates(plan, dataset)
    error_columns = [f"_error_{c.name}" for c in dataset.columns]
    parsed = plan.with_columns(
        pl.any_horizontal(pl.col(e).is_not_null() for e in error_columns).alias("_has_error")
    ).collect()
    single_found = [f"{c.name}_found" for c in dataset.columns if c.dtype == "grant"]
    refusals = [c for c in parsed.columns if c.startswith(NORMALISED)]
    accepted = parsed.filter(~pl.col("_has_error")).drop(*error_columns, *single_found,
                                                         *refusals, "_has_error")
    bad = parsed.filter(pl.col("_has_error"))
    rejections = _rejections(tables, raw, bad, error_columns)
    accepted_by = accepted.partition_by(TABLE, as_dict=True, include_key=False)
    rejected_by = rejections.partition_by(TABLE, as_dict=True, include_key=False)
    empty_accepted = accepted.drop(TABLE).clear()
    empty_rejections = rejections.drop(TABLE).clear()
    return [Validated(table, accepted_by.get((i,), empty_accepted),
                      rejected_by.get((i,), empty_rejections))
            for i, table in enumerate(tables)]


def _mark_duplicates(plan: pl.LazyFrame, dataset: Dataset) -> pl.LazyFrame:
    key = [k.removesuffix("_key") for k in dataset.key if k.removesuffix("_key") in
           {c.name for c in dataset.columns}]
    if not key:
        return plan
    repeated = pl.struct(key).is_first_distinct().not_().over(TABLE) & pl.all_horizontal(
        pl.col(k).is_not_null() for k in key)
    return plan.with_columns(_first_error(key[0], repeated, "duplicate_key"))


def _start_of(text: pl.Expr) -> pl.Expr:
    """A value on one line, cut to its first characters (an acknowledgement can be long)."""
    one_line = text.str.replace_all(r"\s+", " ").str.strip_chars()
    return pl.when(one_line.str.len_chars() > SHOWN_CHARACTERS) \
        .then(one_line.str.slice(0, SHOWN_CHARACTERS) + "…").otherwise(one_line)


def _rejections(tables: list[RawTable], raw: pl.DataFrame, bad: pl.DataFrame,
                error_columns: list[str]) -> pl.DataFrame:
    schema = {TABLE: pl.Int32, **REJECTION_SCHEMA}
    if bad.height == 0:
        return pl.DataFrame(schema=schema)
    dataset = tables[0].dataset
    long = (bad.select(TABLE, ROW, *error_columns)
            .unpivot(index=[TABLE, ROW], variable_name="column_name", value_name="reason_code")
            .drop_nulls("reason_code")
            .with_columns(pl.col("column_name").str.strip_prefix("_error_")))
    # the submitted text of the rejected rows only: unpivoting every row was most of the cost
    values = (raw.join(bad.select(TABLE, ROW), on=[TABLE, ROW], how="semi")
              .unpivot(index=[TABLE, ROW], variable_name="column_name",
                       value_name="value_raw"))
    personal = [c.name for c in dataset.columns if c.personal or c.drop]
    headers = {c.name: c.korean for c in dataset.columns}
    files = {i: t.file_name for i, t in enumerate(tables)}
    sheets = {i: t.sheet for i, t in enumerate(tables)}
    return (long.join(values, on=[TABLE, ROW, "column_name"], how="left")
            .with_columns(
                pl.when(pl.col("column_name").is_in(personal) & pl.col("value_raw").is_not_null())
                .then(pl.lit(PERSONAL_VALUE)).otherwise(_start_of(pl.col("value_raw")))
                .alias("value_shown"),
                pl.col("column_name").replace_strict(headers, default=None).alias("header"),
                pl.lit(dataset.name).alias("dataset"),
                pl.col(TABLE).replace_strict(files, return_dtype=pl.String).alias("file_name"),
                pl.col(TABLE).replace_strict(sheets, default=None, return_dtype=pl.String)
                .alias("sheet"),
                pl.col(ROW).cast(pl.Int64).alias("row_number"))
            .select(list(schema))
            .sort(TABLE, "row_number", "column_name"))
