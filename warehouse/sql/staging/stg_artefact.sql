-- One row per released artefact (its URL) and consortium: the latest submitted version, which
-- carries the latest downloads and stars observed.
with source as (
    select * from raw_artefact
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, url
            order by period desc, source_row desc
        ) as version_rank
    from source
),

final as (
    select
        consortium_id,
        artefact_type,
        name,
        url,
        licence,
        release_date,
        project_number,
        downloads,
        stars,
        observed_date,
        period as reported_period
    from ranked
    where version_rank = 1
)

select * from final
