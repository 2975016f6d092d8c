-- materialized: table
-- Which students were active in each consortium's year so far, quarter by quarter: the
-- participation interval overlaps 1 January to the quarter's end. Each row also says how many
-- days of the year so far the student took part (FTE) and whether a student who was taking
-- part on 1 January is still taking part at the quarter's end or graduated by then.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

participation as (
    select * from fct_participation
),

overlapping as (
    select
        periods.consortium_id,
        periods.period,
        periods.year_start_date,
        periods.period_end_date,
        periods.days_in_year,
        participation.student_key,
        participation.institution_id,
        participation.degree_program,
        participation.degree_level,
        participation.participation_start_date,
        participation.participation_end_date,
        participation.status,
        participation.graduation_date,
        participation.has_orcid,
        least(coalesce(participation.participation_end_date, periods.period_end_date),
              periods.period_end_date)
            - greatest(participation.participation_start_date, periods.year_start_date) + 1
            as participation_days
    from periods
    inner join participation
        on participation.consortium_id = periods.consortium_id
        and participation.participation_start_date <= periods.period_end_date
        and coalesce(participation.participation_end_date, date '9999-12-31')
            >= periods.year_start_date
),

final as (
    select
        consortium_id,
        period,
        student_key,
        institution_id,
        degree_program,
        degree_level,
        degree_level = 'MS' as is_masters,
        degree_level = 'PhD' as is_phd_track,
        participation_start_date,
        participation_end_date,
        status,
        graduation_date,
        has_orcid,
        participation_days,
        12.0 * participation_days / days_in_year as participation_months,
        participation_start_date <= year_start_date as was_active_at_year_start,
        participation_start_date <= year_start_date and (
            coalesce(participation_end_date, date '9999-12-31') >= period_end_date
            or (status = 'graduated' and graduation_date <= period_end_date)
        ) as is_continuing
    from overlapping
)

select * from final
