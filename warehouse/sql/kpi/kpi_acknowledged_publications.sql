-- Acknowledged publications: distinct papers acknowledging the consortium, published in the
-- year so far. Program-wide ('ALL') a paper shared by consortia counts once.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

papers as (
    select * from fct_publication_period
    where true
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
