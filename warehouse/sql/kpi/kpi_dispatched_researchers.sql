-- Dispatched researchers: distinct people with a stay of 28 days or more at a company that
-- overlaps the year so far. An ongoing stay is measured up to the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

dispatches as (
    select * from fct_dispatch
    where is_company_host
),

qualifying as (
    select
        periods.consortium_id,
        periods.period,
        dispatches.person_key
    from periods
    left join dispatches
        on dispatches.consortium_id = periods.consortium_id
        and dispatches.start_date <= periods.period_end_date
        and coalesce(dispatches.end_date, periods.period_end_date) >= periods.year_start_date
        and date_diff('day', dispatches.start_date, least(
            coalesce(dispatches.end_date, periods.period_end_date), periods.period_end_date
        )) + 1 >= 28
),

final as (
    select
        coalesce(consortium_id, 'ALL') as consortium_id,
        period,
        cast(count(distinct person_key) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from qualifying
    group by grouping sets ((consortium_id, period), (period))
)

select * from final
