-- Active joint projects: projects with two or more universities running in the year so far.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

projects as (
    select * from fct_project
    where is_joint
),

running as (
    select
        periods.consortium_id,
        periods.period,
        projects.consortium_id || '/' || projects.project_number as project_key
    from periods
    left join projects
        on projects.consortium_id = periods.consortium_id
        and projects.start_date <= periods.period_end_date
        and coalesce(projects.end_date, date '9999-12-31') >= periods.year_start_date
),

final as (
    select
        coalesce(consortium_id, 'ALL') as consortium_id,
        period,
        cast(count(distinct project_key) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from running
    group by grouping sets ((consortium_id, period), (period))
)

select * from final
