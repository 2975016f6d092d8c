-- Dispatched researchers: distinct people with a stay of 28 days or more at a company that
-- overlaps the year so far. An ongoing stay is measured up to the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

dispatches as (
    select * from fct_dispatch_period
    where is_qualifying
),

final as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct dispatches.person_key) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from periods
    left join dispatches
        on dispatches.consortium_id = periods.consortium_id
        and dispatches.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
)

select * from final
