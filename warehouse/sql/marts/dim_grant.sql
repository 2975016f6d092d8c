-- materialized: table
-- Every grant a consortium may be credited for: the register kept by the ministry, and the joint
-- projects the consortium submitted (their numbers join the register without being typed twice;
-- a project stays valid after its end, as its papers keep appearing).
with register as (
    select * from stg_grant
),

projects as (
    select * from stg_project
),

submitted as (
    select
        projects.consortium_id,
        projects.project_number as grant_number,
        projects.grant_scheme as scheme,
        'joint_project' as role,
        projects.start_date as valid_from,
        cast(null as date) as valid_to,
        cast([] as varchar[]) as aliases,
        'submitted projects' as source
    from projects
    where not exists (
        select 1 from register
        where register.consortium_id = projects.consortium_id
            and register.grant_number = projects.project_number
    )
),

final as (
    select * from register
    union all
    select * from submitted
)

select * from final
