-- materialized: table
-- The target of each KPI per consortium and program year: the agreed target from a targets
-- submission where there is one, otherwise the call's floor from the catalogue.
with periods as (
    select distinct consortium_id, program_year from dim_consortium_period
    where consortium_id <> 'ALL'
),

catalogue as (
    select * from kpi_catalogue
),

agreed as (
    select
        consortium_id,
        kpi_id,
        program_year,
        target_value,
        'agreed' as target_source
    from stg_target
),

floors as (
    select
        periods.consortium_id,
        catalogue.kpi_id,
        periods.program_year,
        catalogue.default_target as target_value,
        'call' as target_source
    from periods
    cross join catalogue
    where catalogue.default_target is not null
        and periods.program_year >= catalogue.target_from_program_year
),

final as (
    select * from agreed
    union all
    select floors.* from floors
    anti join agreed
        on agreed.consortium_id = floors.consortium_id
        and agreed.kpi_id = floors.kpi_id
        and agreed.program_year = floors.program_year
)

select * from final
