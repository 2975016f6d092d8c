-- Degrees awarded: graduations dated from 1 January to the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

degrees as (
    select * from fct_degree_period
    where true
),

final as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(degrees.student_key) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from periods
    left join degrees
        on degrees.consortium_id = periods.consortium_id
        and degrees.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
)

select * from final
