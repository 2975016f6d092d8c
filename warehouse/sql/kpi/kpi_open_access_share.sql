-- Open-access share of the acknowledged papers of the year so far (unknown counts
-- as not open).
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

papers as (
    select * from fct_publication_period
    where true
),

counted as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct papers.publication_id) filter (
            where papers.is_open_access
        ) as double) as numerator,
        cast(count(distinct papers.publication_id) as double) as denominator
    from periods
    left join papers
        on papers.consortium_id = periods.consortium_id
        and papers.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
),

final as (
    select
        consortium_id,
        period,
        100 * numerator / nullif(denominator, 0) as value,
        numerator,
        denominator
    from counted
)

select * from final
