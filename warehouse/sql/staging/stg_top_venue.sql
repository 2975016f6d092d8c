-- Names (and aliases) of the current top-venue list, reduced to letters and digits for matching.
with source as (
    select * from raw_top_venue
),

current_list as (
    select * from source
    where venue_list_version = (select max(venue_list_version) from source)
),

names as (
    select venue_list_version, venue_id, venue_name as name from current_list
    union all
    select venue_list_version, venue_id, unnest(aliases) as name from current_list
),

final as (
    select distinct
        venue_list_version,
        venue_id,
        lower(regexp_replace(name, '[^[:alnum:]]+', '', 'g')) as venue_token
    from names
)

select * from final
