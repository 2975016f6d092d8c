-- A consortium's student FTE never exceeds its active students: nobody counts more than once.
with values_by_kpi as (
    select consortium_id, period, kpi_id, value from kpi_value
    where kpi_id in ('active_students', 'student_fte') and consortium_id <> 'ALL'
)
select consortium_id, period
from values_by_kpi
group by consortium_id, period
having sum(value) filter (where kpi_id = 'student_fte')
    > sum(value) filter (where kpi_id = 'active_students') + 1e-9
