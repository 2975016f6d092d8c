-- materialized: table
-- Every printed form of every grant a consortium may be credited for (the number and its
-- registered aliases), so a paper matches whichever form it prints.
with grants as (
    select * from dim_grant
),

final as (
    select distinct
        consortium_id,
        grant_number,
        unnest(list_distinct(list_prepend(grant_number, aliases))) as printed_number,
        valid_from,
        valid_to
    from grants
)

select * from final
