-- Active Masters students plus active PhD-track students equal active students.
with values_by_kpi as (
    select consortium_id, period, kpi_id, value from kpi_value
    where kpi_id in ('active_students', 'active_ms_students', 'active_phd_students')
)
select consortium_id, period
from values_by_kpi
group by consortium_id, period
having sum(value) filter (where kpi_id = 'active_students')
    <> sum(value) filter (where kpi_id in ('active_ms_students', 'active_phd_students'))
