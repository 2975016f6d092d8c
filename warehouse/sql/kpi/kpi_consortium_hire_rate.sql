-- Consortium hire rate: of graduates employed at 6 months, those hired by the lead or a partner
-- company of their consortium.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

outcomes as (
    select * from fct_graduate_outcome_period
    where months_after_graduation = 6 and is_employed
),

counted as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(outcomes.student_key) filter (
            where outcomes.is_consortium_hire
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
