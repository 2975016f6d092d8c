-- One row per dispatch (researcher, host, start): later reports add the end date.
with source as (
    select * from raw_dispatch
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, researcher_number_key, host_institution_id, start_date
            order by period desc, source_row desc
        ) as version_rank
    from source
),

final as (
    select
        consortium_id,
        researcher_number_key as person_key,
        host_institution_id,
        start_date,
        end_date
    from ranked
    where version_rank = 1
)

select * from final
