-- A rate lies between 0 and 100 percent and its numerator never exceeds its denominator.
select kpi_id, consortium_id, period, value, numerator, denominator
from kpi_scorecard
where unit = 'percent'
    and (value < 0 or value > 100 or numerator > denominator or numerator < 0)
