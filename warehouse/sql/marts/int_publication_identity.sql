-- materialized: table
-- The program-wide identity of every submitted reference: its DOI, else a DOI another
-- submission gives the same title and year, else the arXiv id, else the title and year.
with publications as (
    select * from stg_publication
),

final as (
    select
        consortium_id,
        publication_ref,
        coalesce(
            'doi:' || doi,
            'doi:' || max(doi) over (partition by title_key),
            'arxiv:' || arxiv_id,
            'arxiv:' || max(arxiv_id) over (partition by title_key),
            title_key
        ) as publication_id
    from publications
)

select * from final
