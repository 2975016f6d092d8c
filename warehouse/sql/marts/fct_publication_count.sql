-- materialized: table
-- Acknowledged papers counted per consortium, quarter (year to date) and flag: 'all' papers and
-- those with each flag of fct_publication_period. The program row ('ALL') is counted once from
-- the distinct papers, a paper flagged when any of its consortia flags it, so a paper shared by
-- consortia counts once. The paper KPIs read these counts (`counts_from` in the catalogue).
with papers as (
    select * from fct_publication_period
),

program_papers as (
    select
        'ALL' as consortium_id,
        period,
        publication_id,
        bool_or(is_top_venue) as is_top_venue,
        bool_or(is_open_access) as is_open_access,
        bool_or(has_industry_coauthor) as has_industry_coauthor,
        bool_or(has_student_first_author) as has_student_first_author,
        bool_or(has_doi) as has_doi
    from papers
    group by period, publication_id
),

all_papers as (
    select
        consortium_id,
        period,
        publication_id,
        is_top_venue,
        is_open_access,
        has_industry_coauthor,
        has_student_first_author,
        has_doi
    from papers
    union all
    select * from program_papers
),

counted as (
    select
        consortium_id,
        period,
        count(distinct publication_id) as "all",
        count(distinct publication_id) filter (where is_top_venue) as is_top_venue,
        count(distinct publication_id) filter (where is_open_access) as is_open_access,
        count(distinct publication_id) filter (where has_industry_coauthor)
            as has_industry_coauthor,
        count(distinct publication_id) filter (where has_student_first_author)
            as has_student_first_author,
        count(distinct publication_id) filter (where has_doi) as has_doi
    from all_papers
    group by consortium_id, period
),

final as (
    unpivot counted
    on "all", is_top_venue, is_open_access, has_industry_coauthor, has_student_first_author,
        has_doi
    into name flag value record_count
)

select * from final
