-- materialized: table
-- Every quarter each consortium has reported on, with its program year, plus program-wide
-- ('ALL') quarters. KPI values are year-to-date: from year_start_date to period_end_date.
with consortia as (
    select * from dim_consortium
    where data_until_date is not null
),

consortium_quarters as (
    select
        consortium_id,
        start_year,
        start_quarter_date,
        cast(unnest(generate_series(
            start_quarter_date, data_until_date, interval 3 month
        )) as date) as quarter_start_date
    from consortia
),

program_quarters as (
    select
        'ALL' as consortium_id,
        cast(null as integer) as start_year,
        cast(null as date) as start_quarter_date,
        cast(unnest(generate_series(
            min(start_quarter_date), max(data_until_date), interval 3 month
        )) as date) as quarter_start_date
    from consortia
),

all_quarters as (
    select * from consortium_quarters
    union all
    select * from program_quarters
),

final as (
    select
        consortium_id,
        cast(year(quarter_start_date) as varchar) || '-Q'
            || cast(quarter(quarter_start_date) as varchar) as period,
        year(quarter_start_date) as calendar_year,
        quarter(quarter_start_date) as quarter,
        make_date(year(quarter_start_date), 1, 1) as year_start_date,
        make_date(year(quarter_start_date) + 1, 1, 1)
            - make_date(year(quarter_start_date), 1, 1) as days_in_year,
        last_day(quarter_start_date + interval 2 month) as period_end_date,
        year(quarter_start_date) - start_year + 1 as program_year,
        quarter(quarter_start_date) - case
            when year(quarter_start_date) = start_year then quarter(start_quarter_date) - 1
            else 0
        end as quarters_elapsed,
        case
            when year(quarter_start_date) = start_year then 5 - quarter(start_quarter_date)
            else 4
        end as quarters_in_year
    from all_quarters
)

select * from final
