-- One row per joint project: the latest submitted version.
with source as (
    select * from raw_project
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, project_number
            order by period desc, source_row desc
        ) as version_rank
    from source
),

final as (
    select
        consortium_id,
        project_number,
        grant_scheme,
        title,
        start_date,
        end_date,
        institution_ids
    from ranked
    where version_rank = 1
)

select * from final
