-- Industry records hold the contract's codes, a registration never precedes its filing, and
-- GPU-hours are known for compute given in GPU-hours, or in hours or months with a card count.
select 'support_type' as column_name, support_type as value from fct_support
where support_type not in ('api', 'compute', 'data', 'mentoring', 'other')
union all
select 'gpu_hours', gpu_model from fct_support
where support_type = 'compute' and unit in ('gpu_hours', 'hours', 'months') and gpu_hours is null
union all
select 'registration_date', patent_id from fct_patent
where registration_date < application_date
union all
select 'deal_type', deal_type from fct_transfer
where deal_type not in ('assignment', 'exclusive_licence', 'non_exclusive_licence')
union all
select 'artefact_type', artefact_type from fct_artefact
where artefact_type not in ('model', 'dataset', 'code', 'demo')
