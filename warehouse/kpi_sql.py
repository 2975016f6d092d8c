"""Every standard KPI's view and drill-down, generated from its catalogue declaration.

One shape serves every KPI (after dbt's MetricFlow): the consortia's quarters, left-joined to
the records the KPI counts, aggregated per consortium and quarter, with grouping sets adding the
program row ('ALL', where a record shared by consortia counts once when the measure is a
distinct count). The drill-down selects from the same `records` step with the same join, so it
lists exactly what the figure counts. A KPI declaring `counts_from` reads a mart of pre-computed
counts instead (distinct keys per consortium, quarter and flag, the 'ALL' rows counted once),
which is generated here too from every entry naming it, so a large mart is aggregated once per
load rather than on every query; its records still come from its mart. A KPI with `sql` is
hand-written; its records are declared all the same.

Mart, column and condition texts are the project's own (catalogue.toml), never a user's: the
drill-down binds the quarter and consortia as parameters.
"""

from __future__ import annotations

import dataclasses
import textwrap

from warehouse.catalogue import Figure, Kpi

MATERIALIZED = "-- materialized: table"
HEADER = "-- Generated from warehouse/catalogue.toml by warehouse/kpi_sql.py: do not edit."
PERIODS = """periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
)"""
#: the first day a record may touch to count in a quarter (None: since the program began)
WINDOW_START = {
    "year_to_date": "periods.year_start_date",
    "quarter": "cast(date_trunc('quarter', periods.period_end_date) as date)",
    "trailing_12_months": "cast(periods.period_end_date + interval 1 day - interval 1 year "
                          "as date)",
    "to_date": None,
    "at_period_end": "periods.period_end_date",
}
WINDOW_WORDS = {
    "year_to_date": ("year to date (1 January to the quarter's end)", "연초부터 분기 말까지"),
    "quarter": ("in the quarter", "해당 분기"),
    "trailing_12_months": ("in the 12 months to the quarter's end", "분기 말까지 12개월"),
    "to_date": ("from the program's start to the quarter's end", "사업 시작부터 분기 말까지"),
    "at_period_end": ("at the quarter's end", "분기 말 시점"),
}
MEASURE_WORDS = {
    "count_distinct": ("distinct {column}", "{column} 수(중복 제외)"),
    "count": ("count of {column}", "{column} 수"),
    "sum": ("sum of {column}", "{column} 합계"),
}


def _join(figure: Figure, indent: str = "        ") -> str:
    """How a record meets a consortium's quarter."""
    on = ["records.consortium_id = periods.consortium_id"]
    if figure.date is None:
        on.append("records.period = periods.period")
    else:
        on.append(f"records.{figure.date} <= periods.period_end_date")
        start = WINDOW_START[figure.window]
        if start and figure.end_date:
            on.append(f"coalesce(records.{figure.end_date}, date '9999-12-31') >= {start}")
        elif start:
            on.append(f"records.{figure.date} >= {start}")
    return f"\n{indent}and ".join(on)


def _records(figure: Figure) -> str:
    """The records step: the mart's rows the KPI counts, flagged when in the numerator."""
    counted = f"coalesce({figure.numerator}, false)" if figure.is_rate else "true"
    return f"""records as (
    select
        *,
        {counted} as is_counted
    from {figure.mart}
    where {figure.filter or 'true'}
)"""


def _aggregate(figure: Figure, where: str = "") -> str:
    column = f"records.{figure.column}"
    expression = {"count_distinct": f"count(distinct {column})", "count": f"count({column})",
                  "sum": f"sum({column})"}[figure.measure]
    return f"{expression} filter (where {where})" if where else expression


def _counted_from_records(figure: Figure, by: str | None = None) -> str:
    numerator = (f"        {_aggregate(figure, 'records.is_counted')} as numerator,\n"
                 if figure.is_rate else "")
    column, key = (f"        records.{by},\n", f", records.{by}") if by else ("", "")
    sets = [f"(periods.consortium_id, periods.period{key})", f"(periods.period{key})"]
    grouping = (f"({', '.join(sets)})" if not by
                else "(\n        " + ",\n        ".join(sets) + "\n    )")
    return f"""counted as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
{column}{numerator}        {_aggregate(figure)} as total
    from periods
    left join records
        on {_join(figure)}
    group by grouping sets {grouping}
)"""


def _flags(kpi: Kpi) -> tuple[str, str | None]:
    """The flags of the counts that give a KPI's total and (for a rate) its numerator."""
    figure = kpi.figure
    for condition in (figure.filter, figure.numerator):
        if condition is not None and not condition.isidentifier():
            raise ValueError(f"KPI {kpi.id}: with `counts_from`, filter and numerator must each "
                             f"be one boolean column of {figure.mart}, not {condition!r}")
    if figure.date is not None or figure.measure != "count_distinct":
        raise ValueError(f"KPI {kpi.id}: `counts_from` counts distinct keys of a mart with a "
                         "`period` column")
    numerator = figure.numerator
    if numerator and figure.filter:
        numerator = f"{figure.filter}_and_{numerator}"
    return figure.filter or "all", numerator


def _counted_from_counts(kpi: Kpi) -> str:
    figure = kpi.figure
    total_flag, numerator_flag = _flags(kpi)

    def total(flag: str) -> str:
        return f"sum(counts.record_count) filter (where counts.flag = '{flag}')"

    numerator = f"        {total(numerator_flag)} as numerator,\n" if numerator_flag else ""
    return f"""program_periods as (
    select consortium_id, period from periods
    union all
    select distinct 'ALL' as consortium_id, period from periods
),

counts as (
    select * from {figure.counts_from}
),

counted as (
    select
        program_periods.consortium_id,
        program_periods.period,
{numerator}        {total(total_flag)} as total
    from program_periods
    left join counts
        on counts.consortium_id = program_periods.consortium_id
        and counts.period = program_periods.period
    group by program_periods.consortium_id, program_periods.period
)"""


def _final(kpi: Kpi, by: str | None = None) -> str:
    figure = kpi.figure
    # a sum, or counts looked up, are null where there is nothing to add: that is zero
    empty_is_null = figure.measure == "sum" or figure.counts_from is not None
    total = "coalesce(total, 0)" if empty_is_null else "total"
    numerator = "coalesce(numerator, 0)" if empty_is_null else "numerator"
    if figure.is_rate:
        scale = "100 * " if kpi.unit == "percent" else ""
        columns = (f"{scale}cast({numerator} as double) / nullif(total, 0)",
                   f"cast({numerator} as double)", f"cast({total} as double)")
    elif figure.divide_by is not None:
        divisor = f"{figure.divide_by:g}"
        columns = (f"cast({total} as double) / {divisor}", f"cast({total} as double)",
                   f"cast({divisor} as double)")
    else:
        columns = (f"cast({total} as double)", "cast(null as double)", "cast(null as double)")
    value, numerator, denominator = columns
    return f"""final as (
    select
        consortium_id,
        period,{f"{chr(10)}        {by}," if by else ""}
        {value} as value,
        {numerator} as numerator,
        {denominator} as denominator
    from counted
)"""


def view_sql(kpi: Kpi, by: str | None = None) -> str:
    """The SQL of the KPI's view: generated, or the hand-written file its entry names.

    `by` names a column of the KPI's mart to break the figure down by (one row per value, per
    consortium and quarter); a breakdown always counts from the records.
    """
    figure = kpi.figure
    if by is not None and (not by.isidentifier() or figure.sql is not None):
        raise ValueError(f"KPI {kpi.id}: cannot break down by {by!r}")
    if figure.sql is not None:
        return figure.sql.read_text(encoding="utf-8")
    if figure.counts_from and by is None:
        counted = _counted_from_counts(kpi)
    else:
        counted = f"{_records(figure)},\n\n{_counted_from_records(figure, by)}"
        if figure.counts_from:
            kpi = dataclasses.replace(kpi, figure=dataclasses.replace(figure, counts_from=None))
    steps = ",\n\n".join([PERIODS, counted, _final(kpi, by)])
    about = textwrap.fill(f"{kpi.name_en}: {formula(kpi, 'en')}"
                          f"{f', by {by}' if by else ''}.", width=99,
                          initial_indent="-- ", subsequent_indent="-- ")
    return f"{about}\n{HEADER}\nwith {steps}\n\nselect * from final\n"


def _column(expression: str) -> str:
    """One select-list line, its alias on a line of its own when the line would be too long."""
    line = f"        {expression}"
    if len(line) < 100 or " as " not in expression:
        return line
    value, alias = expression.rsplit(" as ", 1)
    return f"        {value}\n            as {alias}"


def counts_sql(name: str, readers: list[Kpi]) -> str:
    """A `counts_from` mart: distinct keys per consortium, quarter and flag, for its readers.

    The program row ('ALL') is counted once from the distinct keys, a key flagged when any of
    its consortia flags it, exactly as the grouping sets of the generated views count it.
    """
    figures = {(k.figure.mart, k.figure.column) for k in readers}
    if len(figures) != 1:
        raise ValueError(f"the KPIs reading {name} count different things: {sorted(figures)}")
    (mart, key), = figures
    conditions = {}
    for entry in readers:
        total, numerator = _flags(entry)
        conditions[total] = total
        if numerator:
            conditions[numerator] = " and ".join(
                c for c in (entry.figure.filter, entry.figure.numerator) if c)
    flags = [flag for flag in sorted(conditions) if flag != "all"]
    named = [f if conditions[f] == f else f"{conditions[f]} as {f}" for f in flags]
    picked = "".join(f"{_column(column)},\n" for column in named)
    program = "".join(f"{_column(f'bool_or({f}) as {f}')},\n" for f in flags)
    counted = "".join(f",\n{_column(f'count(distinct {key}) filter (where {f}) as {f}')}"
                      for f in flags)
    unpivoted = ",\n        ".join(['"all"', *flags])
    about = textwrap.fill(
        f"Distinct {key} of {mart} per consortium, quarter and flag ('all' and each condition "
        f"the KPIs reading it count), for {', '.join(k.id for k in readers)}. The program row "
        "('ALL') counts each key once, flagged when any of its consortia flags it.",
        width=99, initial_indent="-- ", subsequent_indent="-- ")
    return f"""{MATERIALIZED}
{about}
{HEADER}
with records as (
    select
        consortium_id,
        period,
{picked}        {key}
    from {mart}
),

program_records as (
    select
        'ALL' as consortium_id,
        period,
{program}        {key}
    from records
    group by period, {key}
),

all_records as (
    select * from records
    union all
    select * from program_records
),

counted as (
    select
        consortium_id,
        period,
        count(distinct {key}) as "all"{counted}
    from all_records
    group by consortium_id, period
),

final as (
    unpivot counted
    on
        {unpivoted}
    into name flag value record_count
)

select * from final
"""


def counts_marts(entries: tuple[Kpi, ...]) -> dict[str, str]:
    """Every `counts_from` mart's SQL, by name, generated from the KPIs that read it."""
    readers: dict[str, list[Kpi]] = {}
    for entry in entries:
        if entry.figure.counts_from:
            readers.setdefault(entry.figure.counts_from, []).append(entry)
    return {name: counts_sql(name, kpis) for name, kpis in readers.items()}


def records_sql(kpi: Kpi) -> str:
    """The records behind the KPI for one quarter and a consortium list (three parameters:
    the period, whether every consortium counts, the consortium ids)."""
    figure = kpi.figure
    hidden = "consortium_id, is_counted" + (", period" if figure.date is None else "")
    return f"""with {PERIODS},

{_records(figure)}

select
    periods.consortium_id,
    periods.period,
    records.is_counted,
    records.* exclude ({hidden})
from periods
inner join records
    on {_join(figure, "    ")}
where periods.period = ? and (? or list_contains(?, periods.consortium_id))
order by all
"""


def formula(kpi: Kpi, language: str = "en") -> str:
    """What the figure counts, in words built from the declaration ('en' or 'ko')."""
    figure = kpi.figure
    index = 1 if language == "ko" else 0
    measure = MEASURE_WORDS[figure.measure][index].format(column=f"`{figure.column}`")
    window = WINDOW_WORDS[figure.window][index]
    if language == "ko":
        where = f" 중 `{figure.filter}`인 기록" if figure.filter else ""
        text = f"`{figure.mart}`{where}의 {measure}, {window}"
        if figure.is_rate:
            text += f"; 분자는 그중 `{figure.numerator}`인 기록"
        if figure.divide_by:
            text += f", {figure.divide_by:g}로 나눔"
        return text
    text = f"{measure} of `{figure.mart}`" + (f" where `{figure.filter}`" if figure.filter
                                             else "") + f", {window}"
    if figure.is_rate:
        text += f"; numerator: those where `{figure.numerator}`"
    if figure.divide_by:
        text += f", divided by {figure.divide_by:g}"
    return text
