-- Participating universities: distinct universities in the projects running in the year so far.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

universities as (
    select * from fct_university_period
    where true
),

final as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct universities.institution_id) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from periods
    left join universities
        on universities.consortium_id = periods.consortium_id
        and universities.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
)

select * from final
