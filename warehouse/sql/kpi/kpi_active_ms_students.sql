-- Active Masters students: as active_students, Masters programme only.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

active as (
    select * from fct_student_period
    where degree_program = 'MS'
),

final as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct active.student_key) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from periods
    left join active
        on active.consortium_id = periods.consortium_id
        and active.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
)

select * from final
