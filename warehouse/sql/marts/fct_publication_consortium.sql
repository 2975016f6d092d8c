-- materialized: table
-- Papers a consortium reported that acknowledge one of its grants (a number of its register or
-- of its joint projects, or a registered alias) valid at the paper's date. A paper shared by
-- consortia has one row for each of them; a legacy number and its RS twin are one grant.
with publications as (
    select * from stg_publication
),

identity as (
    select * from int_publication_identity
),

papers as (
    select * from dim_publication
),

grant_numbers as (
    select * from int_grant_number
),

student_names as (
    select distinct consortium_id, name_en_key from fct_participation
    where name_en_key is not null
),

acknowledging as (
    select
        publications.consortium_id,
        identity.publication_id,
        list_sort(list_distinct(list(grant_numbers.grant_number))) as acknowledged_grants
    from publications
    inner join identity
        on identity.consortium_id = publications.consortium_id
        and identity.publication_ref = publications.publication_ref
    inner join papers on papers.publication_id = identity.publication_id
    inner join grant_numbers
        on grant_numbers.consortium_id = publications.consortium_id
        and list_contains(publications.acknowledged_projects, grant_numbers.printed_number)
        and papers.publication_date >= coalesce(grant_numbers.valid_from, date '1900-01-01')
        and papers.publication_date <= coalesce(grant_numbers.valid_to, date '9999-12-31')
    group by publications.consortium_id, identity.publication_id
),

final as (
    select
        acknowledging.consortium_id,
        acknowledging.publication_id,
        acknowledging.acknowledged_grants,
        papers.publication_date,
        papers.publication_year,
        papers.is_top_venue,
        papers.is_open_access,
        papers.has_industry_coauthor,
        papers.doi is not null as has_doi,
        student_names.name_en_key is not null as has_student_first_author
    from acknowledging
    inner join papers on papers.publication_id = acknowledging.publication_id
    left join student_names
        on student_names.consortium_id = acknowledging.consortium_id
        and student_names.name_en_key = papers.first_author_key
)

select * from final
