-- The scorecard has one row per KPI, consortium and quarter.
select kpi_id, consortium_id, period, count(*) as copies
from kpi_scorecard
group by kpi_id, consortium_id, period
having count(*) > 1
