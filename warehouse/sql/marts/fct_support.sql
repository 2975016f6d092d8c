-- materialized: table
-- Support a company gave in a quarter, in its native unit and as the common measures the KPIs
-- add up: GPU-hours (cards x hours, or cards x months x 730 hours), API calls and tokens,
-- mentoring hours, and the agreed KRW value with its basis. Beneficiaries sent as researcher
-- numbers are matched to the consortium's students.
with support as (
    select * from stg_support
),

consortia as (
    select * from stg_consortium
),

students as (
    select distinct consortium_id, student_key from stg_student
),

matched as (
    select
        support.consortium_id,
        support.period,
        support.source_row,
        count(distinct students.student_key) as beneficiary_student_count
    from support
    cross join unnest(support.beneficiary_keys) as beneficiary(student_key)
    inner join students
        on students.consortium_id = support.consortium_id
        and students.student_key = beneficiary.student_key
    group by support.consortium_id, support.period, support.source_row
),

final as (
    select
        support.consortium_id,
        support.period,
        support.consortium_id || '/' || support.period || '/' || support.source_row
            as support_key,
        support.support_type,
        support.provider_institution_id,
        support.provider_institution_id = consortia.lead_institution_id as is_lead_provider,
        support.start_date,
        support.end_date,
        support.resource,
        support.gpu_model,
        support.gpu_cards,
        support.quantity,
        support.unit,
        case
            when support.unit = 'gpu_hours' then support.quantity
            when support.support_type = 'compute' and support.unit = 'hours'
                then support.gpu_cards * support.quantity
            when support.support_type = 'compute' and support.unit = 'months'
                then support.gpu_cards * support.quantity * 730
        end as gpu_hours,
        case when support.unit = 'calls' then support.quantity end as api_calls,
        case when support.unit = 'tokens' then support.quantity end as api_tokens,
        case
            when support.support_type = 'mentoring' and support.unit = 'hours'
                then support.quantity
        end as mentoring_hours,
        support.licence,
        coalesce(support.beneficiary_count, len(support.beneficiary_keys))
            as beneficiary_count,
        coalesce(matched.beneficiary_student_count, 0) as beneficiary_student_count,
        support.value_krw,
        support.value_basis,
        support.project_number
    from support
    inner join consortia on consortia.consortium_id = support.consortium_id
    left join matched
        on matched.consortium_id = support.consortium_id
        and matched.period = support.period
        and matched.source_row = support.source_row
)

select * from final
