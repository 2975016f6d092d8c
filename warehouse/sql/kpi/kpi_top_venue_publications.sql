-- Top-venue publications: acknowledged papers in a venue of the current top-venue list.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

papers as (
    select * from fct_publication_period
    where is_top_venue
),

final as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct papers.publication_id) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from periods
    left join papers
        on papers.consortium_id = periods.consortium_id
        and papers.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
)

select * from final
