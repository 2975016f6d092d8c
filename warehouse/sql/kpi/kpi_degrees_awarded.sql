-- Degrees awarded: graduations dated from 1 January to the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

degrees as (
    select * from fct_degree
),

awarded as (
    select
        periods.consortium_id,
        periods.period,
        degrees.student_key
    from periods
    left join degrees
        on degrees.consortium_id = periods.consortium_id
        and degrees.graduation_date between periods.year_start_date and periods.period_end_date
),

final as (
    select
        coalesce(consortium_id, 'ALL') as consortium_id,
        period,
        cast(count(student_key) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from awarded
    group by grouping sets ((consortium_id, period), (period))
)

select * from final
