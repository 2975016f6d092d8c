-- materialized: table
-- Every graduate at each survey point (6 and 12 months after graduation), with the reported
-- destination if any. A graduate without a report is counted as destination unknown. An
-- employer counts as AI industry when its KSIC code (section letter ignored) starts with a code
-- of the current AI-industry list, and as a consortium hire when it is the consortium's lead
-- or a partner company.
with degrees as (
    select * from fct_degree
),

destinations as (
    select * from stg_destination
),

ai_codes as (
    select * from stg_ai_industry_ksic
),

hiring_companies as (
    select consortium_id, lead_institution_id as institution_id from stg_consortium
    union
    select members.consortium_id, members.institution_id
    from dim_consortium_member as members
    where members.member_role in ('lead', 'partner') and members.is_company
),

survey_points as (
    select unnest([6, 12]) as months_after_graduation
),

reported as (
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
        destinations.organisation_id,
        destinations.ksic_code,
        regexp_replace(destinations.ksic_code, '^[A-Za-z]', '') as ksic_digits
    from degrees
    cross join survey_points
    left join destinations
        on destinations.consortium_id = degrees.consortium_id
        and destinations.student_key = degrees.student_key
        and destinations.months_after_graduation = survey_points.months_after_graduation
),

flagged as (
    select
        reported.* exclude (ksic_digits),
        destination_status <> 'unknown' as is_known,
        destination_status in ('employed', 'further_study') as is_employed_or_studying,
        destination_status = 'employed' as is_employed,
        destination_status = 'employed' and ksic_digits is not null as has_ksic,
        destination_status = 'employed' and exists (
            select 1 from ai_codes where starts_with(reported.ksic_digits, ai_codes.ksic_code)
        ) as is_ai_industry,
        destination_status = 'employed' and exists (
            select 1 from hiring_companies
            where hiring_companies.consortium_id = reported.consortium_id
                and hiring_companies.institution_id = reported.organisation_id
        ) as is_consortium_hire
    from reported
),

final as (
    select
        *,
        case
            when is_ai_industry then 'ai_industry'
            when has_ksic then 'other_industry'
            when is_employed then 'employer_unclassified'
            else destination_status
        end as destination_group
    from flagged
)

select * from final
