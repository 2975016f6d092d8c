-- Research API tokens per active student: the year's API tokens delivered
-- (kpi_api_tokens_delivered) over the year's active students (kpi_active_students), per
-- consortium and quarter and program-wide. Hand-written (named in warehouse/catalogue.toml)
-- because it divides one KPI by another.
with tokens as (
    select * from kpi_api_tokens_delivered
),

students as (
    select * from kpi_active_students
),

final as (
    select
        tokens.consortium_id,
        tokens.period,
        cast(tokens.value / nullif(students.value, 0) as double) as value,
        cast(tokens.value as double) as numerator,
        cast(students.value as double) as denominator
    from tokens
    inner join students
        on students.consortium_id = tokens.consortium_id
        and students.period = tokens.period
)

select * from final
