-- Student FTE: participation months of the year so far divided by 12.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

students as (
    select * from fct_student_period
    where true
),

summed as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        coalesce(sum(students.participation_months), 0) as total
    from periods
    left join students
        on students.consortium_id = periods.consortium_id
        and students.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
),

final as (
    select
        consortium_id,
        period,
        cast(total / 12 as double) as value,
        cast(total as double) as numerator,
        cast(12 as double) as denominator
    from summed
)

select * from final
