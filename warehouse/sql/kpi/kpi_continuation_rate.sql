-- Continuation rate: of students taking part on 1 January, those still taking part at the
-- quarter's end or graduated by then.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

students as (
    select * from fct_student_period
    where was_active_at_year_start
),

counted as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct students.student_key) filter (
            where students.is_continuing
        ) as double) as numerator,
        cast(count(distinct students.student_key) as double) as denominator
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
        100 * numerator / nullif(denominator, 0) as value,
        numerator,
        denominator
    from counted
)

select * from final
