-- One row per patent (office and application number) and consortium: the latest submitted
-- version, which carries the registration once there is one, and the quarter it was first sent.
with source as (
    select * from raw_patent
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, office, application_number
            order by period desc, source_row desc
        ) as version_rank,
        min(period) over (
            partition by consortium_id, office, application_number
        ) as first_reported_period
    from source
),

final as (
    select
        consortium_id,
        office,
        application_number,
        application_date,
        registration_number,
        registration_date,
        title,
        applicant_ids,
        inventors_key as inventor_keys,
        coalesce(inventor_numbers_key, []) as inventor_number_keys,
        acknowledged_projects,
        coalesce(ipc_codes, []) as ipc_codes,
        first_reported_period,
        period as reported_period
    from ranked
    where version_rank = 1
)

select * from final
