-- Dispatch person-months: days at a company in the year so far, in months of the year.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

dispatches as (
    select * from fct_dispatch_period
    where is_company_host
),

summed as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        coalesce(sum(dispatches.company_person_months), 0) as total
    from periods
    left join dispatches
        on dispatches.consortium_id = periods.consortium_id
        and dispatches.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
),

final as (
    select
        consortium_id,
        period,
        cast(total as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from summed
)

select * from final
