-- materialized: table
-- One row per openly released model, dataset, code or demo and consortium, with the latest
-- downloads and stars observed. The same URL released by two consortia is one artefact
-- program-wide (artefact_id).
with artefacts as (
    select * from stg_artefact
),

final as (
    select
        consortium_id,
        url as artefact_id,
        artefact_type,
        name,
        url,
        licence,
        licence is not null as has_licence,
        release_date,
        project_number,
        downloads,
        stars,
        observed_date,
        reported_period
    from artefacts
)

select * from final
