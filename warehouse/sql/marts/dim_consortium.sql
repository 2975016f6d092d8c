-- materialized: table
-- Consortia with their lead company and how far their submitted data reaches.
with consortia as (
    select * from stg_consortium
),

institutions as (
    select * from stg_institution
),

loads as (
    select * from stg_load
),

coverage as (
    select
        consortium_id,
        max(period_end_date) as data_until_date,
        max(loaded_at) as last_loaded_at
    from loads
    group by consortium_id
),

final as (
    select
        consortia.consortium_id,
        consortia.name_ko,
        consortia.name_en,
        consortia.lead_institution_id,
        institutions.name_ko as lead_name_ko,
        institutions.name_en as lead_name_en,
        consortia.start_date,
        consortia.start_year,
        consortia.start_quarter_date,
        consortia.grant_number,
        coverage.data_until_date,
        coverage.last_loaded_at
    from consortia
    left join institutions on institutions.institution_id = consortia.lead_institution_id
    left join coverage on coverage.consortium_id = consortia.consortium_id
)

select * from final
