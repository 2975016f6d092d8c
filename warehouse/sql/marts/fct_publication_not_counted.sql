-- materialized: table
-- Papers a consortium reported that were loaded but do not count for it: the grant numbers they
-- acknowledge are none of its grants valid at the paper's date. Listed for the ministry, which
-- may register a missing sub-project, with the numbers found.
with publications as (
    select * from stg_publication
),

identity as (
    select * from int_publication_identity
),

counted as (
    select * from fct_publication_consortium
),

grant_numbers as (
    select * from int_grant_number
),

registered as (
    select distinct
        publications.consortium_id,
        publications.publication_ref
    from publications
    inner join grant_numbers
        on grant_numbers.consortium_id = publications.consortium_id
        and list_contains(publications.acknowledged_projects, grant_numbers.printed_number)
),

final as (
    select
        publications.consortium_id,
        identity.publication_id,
        publications.publication_ref,
        publications.title,
        publications.publication_year,
        publications.publication_month,
        publications.acknowledged_projects,
        publications.malformed_grant_numbers,
        publications.first_reported_period,
        case when registered.publication_ref is null then 'not_in_register'
            else 'outside_validity' end as not_counted_reason
    from publications
    inner join identity
        on identity.consortium_id = publications.consortium_id
        and identity.publication_ref = publications.publication_ref
    left join counted
        on counted.consortium_id = publications.consortium_id
        and counted.publication_id = identity.publication_id
    left join registered
        on registered.consortium_id = publications.consortium_id
        and registered.publication_ref = publications.publication_ref
    where counted.publication_id is null
)

select * from final
