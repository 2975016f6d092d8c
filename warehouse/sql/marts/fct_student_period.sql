-- materialized: table
-- Which students were active in each consortium's year so far, quarter by quarter: the
-- participation interval overlaps 1 January to the quarter's end.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

participation as (
    select * from fct_participation
),

final as (
    select
        periods.consortium_id,
        periods.period,
        participation.student_key,
        participation.institution_id,
        participation.degree_program,
        participation.degree_level
    from periods
    inner join participation
        on participation.consortium_id = periods.consortium_id
        and participation.participation_start_date <= periods.period_end_date
        and coalesce(participation.participation_end_date, date '9999-12-31')
            >= periods.year_start_date
)

select * from final
