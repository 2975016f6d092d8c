-- materialized: table
-- Degrees awarded in each consortium's year so far, quarter by quarter: graduations dated
-- from 1 January to the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

degrees as (
    select * from fct_degree
),

final as (
    select
        periods.consortium_id,
        periods.period,
        degrees.student_key,
        degrees.institution_id,
        degrees.degree_awarded,
        degrees.graduation_date
    from periods
    inner join degrees
        on degrees.consortium_id = periods.consortium_id
        and degrees.graduation_date between periods.year_start_date and periods.period_end_date
)

select * from final
