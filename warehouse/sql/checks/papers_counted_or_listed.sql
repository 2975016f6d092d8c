-- Every paper a consortium reported is either counted for it or listed as not counted, not both.
with reported as (
    select distinct identity.consortium_id, identity.publication_id
    from stg_publication as publications
    inner join int_publication_identity as identity
        on identity.consortium_id = publications.consortium_id
        and identity.publication_ref = publications.publication_ref
),

listed as (
    select distinct consortium_id, publication_id from fct_publication_not_counted
)

select reported.consortium_id, reported.publication_id
from reported
left join fct_publication_consortium as counted
    on counted.consortium_id = reported.consortium_id
    and counted.publication_id = reported.publication_id
left join listed
    on listed.consortium_id = reported.consortium_id
    and listed.publication_id = reported.publication_id
where (counted.publication_id is null) = (listed.publication_id is null)
