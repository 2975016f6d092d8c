-- materialized: table
-- Which acknowledged papers count in each consortium's year so far, quarter by quarter:
-- published between 1 January and the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

papers as (
    select * from fct_publication_consortium
),

details as (
    select * from dim_publication
),

final as (
    select
        periods.consortium_id,
        periods.period,
        papers.publication_id,
        details.title,
        details.venue,
        details.publication_year,
        details.publication_month,
        details.doi,
        details.arxiv_id,
        papers.is_top_venue,
        papers.is_open_access,
        papers.has_industry_coauthor,
        papers.has_student_first_author,
        papers.has_doi
    from periods
    inner join papers
        on papers.consortium_id = periods.consortium_id
        and papers.publication_date between periods.year_start_date and periods.period_end_date
    inner join details on details.publication_id = papers.publication_id
)

select * from final
