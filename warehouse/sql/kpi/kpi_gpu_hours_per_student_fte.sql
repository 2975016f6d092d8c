-- GPU-hours per student FTE: the year's GPU-hours delivered (kpi_gpu_hours_delivered) over the
-- year's student FTE (kpi_student_fte), per consortium and quarter and program-wide. Hand-written
-- (named in warehouse/catalogue.toml) because it divides one KPI by another.
with gpu as (
    select * from kpi_gpu_hours_delivered
),

fte as (
    select * from kpi_student_fte
),

final as (
    select
        gpu.consortium_id,
        gpu.period,
        cast(gpu.value / nullif(fte.value, 0) as double) as value,
        cast(gpu.value as double) as numerator,
        cast(fte.value as double) as denominator
    from gpu
    inner join fte
        on fte.consortium_id = gpu.consortium_id
        and fte.period = gpu.period
)

select * from final
