-- title_ko: 공동연구과제와 참여 대학
-- title_en: Joint projects and their universities
-- description_ko: 과제마다 참여 대학 수와 이름, 공동연구(대학 2곳 이상) 여부, 기간.
-- description_en: Every project with its universities (count and names), whether it is joint (two or more universities) and its dates.
with projects as (
    select * from fct_project
),

members as (
    select consortium_id, project_number, unnest(institution_ids) as institution_id
    from stg_project
),

institutions as (
    select * from stg_institution
),

university_names as (
    select
        members.consortium_id,
        members.project_number,
        list(institutions.name_ko order by institutions.name_ko) as universities_ko
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
        projects.university_count,
        projects.is_joint,
        coalesce(university_names.universities_ko, []) as universities_ko
    from projects
    left join university_names
        on university_names.consortium_id = projects.consortium_id
        and university_names.project_number = projects.project_number
)

select * from final
order by consortium_id, project_number
