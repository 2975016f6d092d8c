-- Active joint projects: projects with two or more universities running in the year so far.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

projects as (
    select * from fct_project_period
    where is_joint
),

final as (
    select
        coalesce(periods.consortium_id, 'ALL') as consortium_id,
        periods.period,
        cast(count(distinct projects.project_key) as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from periods
    left join projects
        on projects.consortium_id = periods.consortium_id
        and projects.period = periods.period
    group by grouping sets ((periods.consortium_id, periods.period), (periods.period))
)

select * from final
