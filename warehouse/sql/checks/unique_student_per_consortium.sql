-- A student appears once per consortium after staging.
select consortium_id, student_key, count(*) as copies
from stg_student
group by consortium_id, student_key
having count(*) > 1
