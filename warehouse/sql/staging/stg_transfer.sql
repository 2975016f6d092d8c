-- One row per transfer contract and consortium: the latest submitted terms (the amounts
-- received each quarter are in stg_transfer_receipt).
with source as (
    select * from raw_transfer
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, contract_number
            order by period desc, source_row desc
        ) as version_rank
    from source
),

final as (
    select
        consortium_id,
        contract_number,
        contract_date,
        recipient,
        recipient_business_number,
        recipient_size,
        is_foreign_recipient,
        subject_type,
        subject,
        coalesce(patent_numbers, []) as patent_numbers,
        deal_type,
        fixed_fee_krw,
        running_royalty,
        service,
        project_number,
        period as reported_period
    from ranked
    where version_rank = 1
)

select * from final
