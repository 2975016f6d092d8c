-- One row per paper and consortium: the latest submitted version of each reference.
with source as (
    select * from raw_publication
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, publication_ref
            order by period desc, source_row desc
        ) as version_rank,
        min(period) over (partition by consortium_id, publication_ref) as first_reported_period
    from source
),

final as (
    select
        consortium_id,
        publication_ref,
        title,
        title_key,
        year as publication_year,
        month as publication_month,
        venue,
        doi,
        arxiv_id,
        authors_key,
        first_author_key,
        affiliation_ids,
        is_open_access,
        acknowledged_projects,
        coalesce(grant_shares_pct, cast([] as double[])) as grant_shares_pct,
        coalesce(malformed_grant_numbers, cast([] as varchar[])) as malformed_grant_numbers,
        grant_count,
        first_reported_period
    from ranked
    where version_rank = 1
)

select * from final
