-- materialized: table
-- One row per distinct paper in the program, whichever consortia reported it.
with publications as (
    select * from stg_publication
),

identity as (
    select * from int_publication_identity
),

venues as (
    select * from stg_top_venue
),

institutions as (
    select * from stg_institution
),

merged as (
    select
        identity.publication_id,
        arg_max(publications.title, publications.first_reported_period) as title,
        max(publications.publication_year) as publication_year,
        max(publications.publication_month) as publication_month,
        arg_max(publications.venue, publications.first_reported_period) as venue,
        max(publications.doi) as doi,
        max(publications.arxiv_id) as arxiv_id,
        bool_or(publications.is_open_access) as is_open_access,
        arg_max(publications.first_author_key, publications.first_reported_period)
            as first_author_key,
        list_distinct(flatten(list(publications.affiliation_ids))) as affiliation_ids,
        min(publications.first_reported_period) as first_reported_period
    from publications
    inner join identity
        on identity.consortium_id = publications.consortium_id
        and identity.publication_ref = publications.publication_ref
    group by identity.publication_id
),

final as (
    select
        merged.*,
        last_day(make_date(merged.publication_year, coalesce(merged.publication_month, 12), 1))
            as publication_date,
        exists (
            select 1 from venues where venues.venue_token = lower(regexp_replace(
                merged.venue, '[^[:alnum:]]+', '', 'g'))
        ) as is_top_venue,
        exists (
            select 1 from institutions
            where institutions.is_company
                and list_contains(merged.affiliation_ids, institutions.institution_id)
        ) as has_industry_coauthor
    from merged
)

select * from final
