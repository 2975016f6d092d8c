-- A patent, a transfer contract and a released artefact each appear once per consortium.
select 'fct_patent' as relation_name, consortium_id, patent_id as record_id, count(*) as copies
from fct_patent
group by consortium_id, patent_id
having count(*) > 1
union all
select 'fct_transfer', consortium_id, contract_number, count(*)
from fct_transfer
group by consortium_id, contract_number
having count(*) > 1
union all
select 'fct_artefact', consortium_id, artefact_id, count(*)
from fct_artefact
group by consortium_id, artefact_id
having count(*) > 1
