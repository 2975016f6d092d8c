-- Employment or further study at 6 months, among graduates whose destination is known.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

outcomes as (
    select * from fct_graduate_outcome
    where months_after_graduation = 6
),

due as (
    select
        periods.consortium_id,
        periods.period,
        outcomes.student_key,
        outcomes.is_known,
        outcomes.is_employed_or_studying
    from periods
    left join outcomes
        on outcomes.consortium_id = periods.consortium_id
        and outcomes.survey_date between periods.year_start_date and periods.period_end_date
),

counted as (
    select
        coalesce(consortium_id, 'ALL') as consortium_id,
        period,
        cast(count(student_key) filter (where is_employed_or_studying) as double) as numerator,
        cast(count(student_key) filter (where is_known) as double) as denominator
    from due
    group by grouping sets ((consortium_id, period), (period))
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
