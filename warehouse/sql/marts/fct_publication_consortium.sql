-- materialized: table
-- Papers a consortium reported that acknowledge one of its project numbers (its grant or one of
-- its joint projects). A paper shared by consortia has one row for each of them.
with publications as (
    select * from stg_publication
),

identity as (
    select * from int_publication_identity
),

papers as (
    select * from dim_publication
),

project_numbers as (
    select consortium_id, grant_number as project_number from stg_consortium
    union
    select consortium_id, project_number from stg_project
),

student_names as (
    select distinct consortium_id, name_en_key from fct_participation
    where name_en_key is not null
),

acknowledging as (
    select distinct
        publications.consortium_id,
        identity.publication_id
    from publications
    inner join identity
        on identity.consortium_id = publications.consortium_id
        and identity.publication_ref = publications.publication_ref
    inner join project_numbers
        on project_numbers.consortium_id = publications.consortium_id
        and list_contains(publications.acknowledged_projects, project_numbers.project_number)
),

final as (
    select
        acknowledging.consortium_id,
        acknowledging.publication_id,
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
