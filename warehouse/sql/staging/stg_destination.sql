-- One row per graduate and survey point (6 or 12 months after graduation).
with source as (
    select * from raw_destination
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, researcher_number_key, months_after_graduation
            order by period desc, source_row desc
        ) as version_rank
    from source
),

final as (
    select
        consortium_id,
        researcher_number_key as student_key,
        months_after_graduation,
        destination_status,
        organisation,
        organisation_id,
        ksic_code
    from ranked
    where version_rank = 1
)

select * from final
