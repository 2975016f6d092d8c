-- The grant register kept by the ministry: one row per number a consortium may be credited for.
with source as (
    select * from raw_grant
),

final as (
    select
        consortium_id,
        grant_number,
        scheme,
        role,
        valid_from,
        valid_to,
        coalesce(aliases, cast([] as varchar[])) as aliases,
        source
    from source
)

select * from final
