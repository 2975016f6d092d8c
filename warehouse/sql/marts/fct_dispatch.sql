-- materialized: table
-- partitioned by: consortium_id
-- Dispatches of researchers to companies. Only stays at a company count for the KPI.
with dispatches as (
    select * from stg_dispatch
),

institutions as (
    select * from stg_institution
),

final as (
    select
        dispatches.consortium_id,
        dispatches.person_key,
        dispatches.host_institution_id,
        institutions.is_company as is_company_host,
        dispatches.start_date,
        dispatches.end_date
    from dispatches
    left join institutions on institutions.institution_id = dispatches.host_institution_id
)

select * from final
