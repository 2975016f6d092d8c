-- materialized: table
-- Every KPI value with its target, year-end projection and status, per consortium and quarter.
-- Projection: a flow KPI runs at its year-to-date rate for the rest of the program year; a
-- stock or rate KPI is projected at its current value. Status compares the projection with
-- the target (see the status rule in warehouse/catalogue.toml).
with kpi_values as (
    select * from kpi_value
),

periods as (
    select * from dim_consortium_period
),

catalogue as (
    select * from kpi_catalogue
),

targets as (
    select * from kpi_target
),

joined as (
    select
        kpi_values.kpi_id,
        kpi_values.consortium_id,
        kpi_values.period,
        periods.calendar_year,
        periods.quarter,
        periods.program_year,
        periods.period_end_date,
        periods.quarters_elapsed,
        periods.quarters_in_year,
        kpi_values.value,
        kpi_values.numerator,
        kpi_values.denominator,
        catalogue.domain,
        catalogue.unit,
        catalogue.direction,
        catalogue.accumulation,
        catalogue.at_risk_share,
        catalogue.display_order,
        targets.target_value,
        targets.target_source
    from kpi_values
    inner join periods
        on periods.consortium_id = kpi_values.consortium_id
        and periods.period = kpi_values.period
    inner join catalogue on catalogue.kpi_id = kpi_values.kpi_id
    left join targets
        on targets.consortium_id = kpi_values.consortium_id
        and targets.kpi_id = kpi_values.kpi_id
        and targets.program_year = periods.program_year
),

projected as (
    select
        *,
        case
            when accumulation = 'flow' and quarters_elapsed > 0
                then value / quarters_elapsed * quarters_in_year
            else value
        end as projected_value
    from joined
),

final as (
    select
        *,
        case
            when value is null then 'no_data'
            when target_value is null then 'no_target'
            when direction = 'up' and projected_value >= target_value then 'on_track'
            when direction = 'up' and projected_value >= target_value * at_risk_share
                then 'at_risk'
            when direction = 'up' then 'behind'
            when projected_value <= target_value then 'on_track'
            when projected_value <= target_value / at_risk_share then 'at_risk'
            else 'behind'
        end as status
    from projected
)

select * from final
