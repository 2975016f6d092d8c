-- materialized: table
-- Graduates whose 6- or 12-month survey date falls in each consortium's year so far, quarter
-- by quarter, with their destination.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

outcomes as (
    select * from fct_graduate_outcome
),

final as (
    select
        periods.consortium_id,
        periods.period,
        outcomes.months_after_graduation,
        outcomes.student_key,
        outcomes.degree_awarded,
        outcomes.graduation_date,
        outcomes.survey_date,
        outcomes.destination_status,
        outcomes.destination_group,
        outcomes.organisation,
        outcomes.organisation_id,
        outcomes.ksic_code,
        outcomes.is_known,
        outcomes.is_employed_or_studying,
        outcomes.is_employed,
        outcomes.has_ksic,
        outcomes.is_ai_industry,
        outcomes.is_consortium_hire
    from periods
    inner join outcomes
        on outcomes.consortium_id = periods.consortium_id
        and outcomes.survey_date between periods.year_start_date and periods.period_end_date
)

select * from final
