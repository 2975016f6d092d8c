-- materialized: table
-- Projects running in each consortium's year so far, quarter by quarter: the project's dates
-- overlap 1 January to the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

projects as (
    select * from fct_project
),

final as (
    select
        periods.consortium_id,
        periods.period,
        projects.consortium_id || '/' || projects.project_number as project_key,
        projects.project_number,
        projects.title,
        projects.start_date,
        projects.end_date,
        projects.university_count,
        projects.university_ids,
        projects.is_joint
    from periods
    inner join projects
        on projects.consortium_id = periods.consortium_id
        and projects.start_date <= periods.period_end_date
        and coalesce(projects.end_date, date '9999-12-31') >= periods.year_start_date
)

select * from final
