-- One row per support given: each quarter's report holds that quarter's support, so every
-- submitted row stands (a resubmitted quarter replaces its rows at load).
with source as (
    select * from raw_support
),

final as (
    select
        consortium_id,
        period,
        source_row,
        support_type,
        provider_institution_id,
        start_date,
        end_date,
        resource,
        gpu_model,
        gpu_cards,
        quantity,
        unit,
        licence,
        beneficiary_count,
        coalesce(beneficiaries_key, []) as beneficiary_keys,
        value_krw,
        value_basis,
        project_number
    from source
)

select * from final
