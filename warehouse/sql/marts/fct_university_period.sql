-- materialized: table
-- Universities taking part in each consortium's running projects, quarter by quarter, with
-- the number of those projects each takes part in.
with projects as (
    select * from fct_project_period
),

institutions as (
    select * from stg_institution
),

taking_part as (
    select
        consortium_id,
        period,
        project_key,
        unnest(university_ids) as institution_id
    from projects
),

final as (
    select
        taking_part.consortium_id,
        taking_part.period,
        taking_part.institution_id,
        institutions.name_ko,
        institutions.name_en,
        count(distinct taking_part.project_key) as project_count
    from taking_part
    left join institutions on institutions.institution_id = taking_part.institution_id
    group by all
)

select * from final
