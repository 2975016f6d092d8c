-- materialized: table
-- Every graduate at each survey point (6 and 12 months after graduation), with the reported
-- destination if any. A graduate without a report is counted as destination unknown.
with degrees as (
    select * from fct_degree
),

destinations as (
    select * from stg_destination
),

survey_points as (
    select unnest([6, 12]) as months_after_graduation
),

final as (
    select
        degrees.consortium_id,
        degrees.student_key,
        degrees.degree_awarded,
        degrees.graduation_date,
        survey_points.months_after_graduation,
        cast(degrees.graduation_date
            + to_months(survey_points.months_after_graduation) as date) as survey_date,
        coalesce(destinations.destination_status, 'unknown') as destination_status,
        destinations.organisation,
        destinations.ksic_code,
        coalesce(destinations.destination_status, 'unknown') <> 'unknown' as is_known,
        coalesce(destinations.destination_status in ('employed', 'further_study'), false)
            as is_employed_or_studying
    from degrees
    cross join survey_points
    left join destinations
        on destinations.consortium_id = degrees.consortium_id
        and destinations.student_key = degrees.student_key
        and destinations.months_after_graduation = survey_points.months_after_graduation
)

select * from final
