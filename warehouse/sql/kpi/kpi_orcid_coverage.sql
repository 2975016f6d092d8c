-- Students with ORCID: active students whose latest record carries an ORCID iD.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

students as (
    select * from fct_student_period
    where true
),

counted as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct students.student_key) filter (
            where students.has_orcid
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
