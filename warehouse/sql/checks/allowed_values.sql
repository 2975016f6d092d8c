-- Coded columns hold only the codes the contract allows.
select 'degree_program' as column_name, degree_program as value from stg_student
where degree_program not in ('MS', 'PhD', 'integrated')
union all
select 'status', status from stg_student
where status not in ('enrolled', 'on_leave', 'graduated', 'withdrawn')
union all
select 'destination_status', destination_status from stg_destination
where destination_status not in ('employed', 'further_study', 'seeking', 'unknown')
union all
select 'status', status from kpi_scorecard
where status not in ('on_track', 'at_risk', 'behind', 'no_target', 'no_data')
