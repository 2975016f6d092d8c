-- Destination known at 6 months, among graduates whose 6-month survey date has come.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

outcomes as (
    select * from fct_graduate_outcome_period
    where months_after_graduation = 6
),

counted as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(outcomes.student_key) filter (
            where outcomes.is_known
        ) as double) as numerator,
        cast(count(outcomes.student_key) as double) as denominator
    from periods
    left join outcomes
        on outcomes.consortium_id = periods.consortium_id
        and outcomes.period = periods.period
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
