-- Every submitted row names a consortium and institutions of the reference list.
select 'raw_student' as table_name, consortium_id, institution_id from raw_student
where consortium_id not in (select consortium_id from raw_consortium)
    or institution_id not in (select institution_id from raw_institution)
union all
select 'raw_dispatch', consortium_id, host_institution_id from raw_dispatch
where consortium_id not in (select consortium_id from raw_consortium)
    or host_institution_id not in (select institution_id from raw_institution)
union all
select 'raw_consortium_member', consortium_id, institution_id from raw_consortium_member
where consortium_id not in (select consortium_id from raw_consortium)
    or institution_id not in (select institution_id from raw_institution)
union all
select 'raw_grant', consortium_id, grant_number from raw_grant
where consortium_id not in (select consortium_id from raw_consortium)
