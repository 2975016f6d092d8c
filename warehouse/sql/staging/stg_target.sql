-- Targets agreed per consortium, KPI and program year: the latest submission wins.
with source as (
    select * from raw_target
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, kpi_id, program_year
            order by period desc, source_row desc
        ) as version_rank
    from source
),

final as (
    select
        consortium_id,
        kpi_id,
        program_year,
        target_value
    from ranked
    where version_rank = 1
)

select * from final
