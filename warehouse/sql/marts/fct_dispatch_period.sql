-- materialized: table
-- partitioned by: consortium_id
-- Dispatches that overlap each consortium's year so far, quarter by quarter. An ongoing stay is
-- counted up to the quarter's end. A stay qualifies for the KPI when it is at a company and
-- lasts 28 days or more; person-months count the days at a company within the year so far.
with periods as (
    select * from dim_consortium_period
    where consortium_id <> 'ALL'
),

dispatches as (
    select * from fct_dispatch
),

institutions as (
    select * from stg_institution
),

overlapping as (
    select
        periods.consortium_id,
        periods.period,
        periods.year_start_date,
        periods.days_in_year,
        dispatches.person_key,
        dispatches.host_institution_id,
        coalesce(dispatches.is_company_host, false) as is_company_host,
        dispatches.start_date,
        dispatches.end_date,
        least(coalesce(dispatches.end_date, periods.period_end_date), periods.period_end_date)
            as counted_until_date
    from periods
    inner join dispatches
        on dispatches.consortium_id = periods.consortium_id
        and dispatches.start_date <= periods.period_end_date
        and coalesce(dispatches.end_date, periods.period_end_date) >= periods.year_start_date
),

measured as (
    select
        *,
        counted_until_date - start_date + 1 as stay_days,
        counted_until_date - greatest(start_date, year_start_date) + 1 as days_this_year
    from overlapping
),

final as (
    select
        measured.consortium_id,
        measured.period,
        measured.person_key,
        measured.host_institution_id,
        institutions.name_ko as host_name_ko,
        institutions.name_en as host_name_en,
        measured.is_company_host,
        measured.start_date,
        measured.end_date,
        measured.stay_days,
        measured.days_this_year,
        case when measured.is_company_host
            then 12.0 * measured.days_this_year / measured.days_in_year else 0 end
            as company_person_months,
        measured.is_company_host and measured.stay_days >= 28 as is_qualifying
    from measured
    left join institutions on institutions.institution_id = measured.host_institution_id
)

select * from final
