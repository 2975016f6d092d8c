-- materialized: table
-- Joint research projects with the number of universities taking part. A project is joint
-- when at least two universities take part, as the call requires.
with projects as (
    select * from stg_project
),

institutions as (
    select * from stg_institution
),

members as (
    select
        projects.consortium_id,
        projects.project_number,
        unnest(projects.institution_ids) as institution_id
    from projects
),

universities as (
    select
        members.consortium_id,
        members.project_number,
        count(distinct members.institution_id) as university_count,
        list_sort(list_distinct(list(members.institution_id))) as university_ids
    from members
    inner join institutions on institutions.institution_id = members.institution_id
    where institutions.is_university
    group by members.consortium_id, members.project_number
),

final as (
    select
        projects.consortium_id,
        projects.project_number,
        projects.title,
        projects.start_date,
        projects.end_date,
        coalesce(universities.university_count, 0) as university_count,
        coalesce(universities.university_ids, []) as university_ids,
        coalesce(universities.university_count, 0) >= 2 as is_joint
    from projects
    left join universities
        on universities.consortium_id = projects.consortium_id
        and universities.project_number = projects.project_number
)

select * from final
