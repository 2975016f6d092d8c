-- A paper appears once program-wide, and once per consortium that acknowledges it.
select publication_id, cast(null as varchar) as consortium_id, count(*) as copies
from dim_publication
group by publication_id
having count(*) > 1
union all
select publication_id, consortium_id, count(*) as copies
from fct_publication_consortium
group by publication_id, consortium_id
having count(*) > 1
