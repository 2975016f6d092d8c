-- materialized: table
-- Consortia with their lead company, their agreement's grant numbers (from the grant register)
-- and how far their submitted data reaches.
with consortia as (
    select * from stg_consortium
),

institutions as (
    select * from stg_institution
),

loads as (
    select * from stg_load
),

agreements as (
    select consortium_id, list_sort(list(grant_number)) as grant_numbers
    from stg_grant
    where role = 'agreement'
    group by consortium_id
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
        agreements.grant_numbers,
        coverage.data_until_date,
        coverage.last_loaded_at
    from consortia
    left join institutions on institutions.institution_id = consortia.lead_institution_id
    left join coverage on coverage.consortium_id = consortia.consortium_id
    left join agreements on agreements.consortium_id = consortia.consortium_id
)

select * from final
