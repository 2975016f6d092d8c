-- materialized: table
-- One row per technology-transfer contract and consortium: its latest terms, the amount
-- received so far, whether it went into a service or product, and the consortium's patents it
-- transfers (matched by application or registration number).
with transfers as (
    select * from stg_transfer
),

receipts as (
    select consortium_id, contract_number, sum(received_krw) as received_to_date_krw
    from stg_transfer_receipt
    group by consortium_id, contract_number
),

patents as (
    select * from fct_patent
),

transferred_patents as (
    select
        transfers.consortium_id,
        transfers.contract_number,
        list_sort(list_distinct(list(patents.patent_id))) as patent_ids
    from transfers
    cross join unnest(transfers.patent_numbers) as transferred(patent_number)
    inner join patents
        on patents.consortium_id = transfers.consortium_id
        and transferred.patent_number in (patents.application_number,
                                          patents.registration_number)
    group by transfers.consortium_id, transfers.contract_number
),

final as (
    select
        transfers.consortium_id,
        transfers.consortium_id || '/' || transfers.contract_number as transfer_id,
        transfers.contract_number,
        transfers.contract_date,
        transfers.recipient,
        transfers.recipient_business_number,
        transfers.recipient_size,
        transfers.is_foreign_recipient,
        transfers.subject_type,
        transfers.subject,
        transfers.deal_type,
        transfers.fixed_fee_krw,
        transfers.running_royalty,
        coalesce(receipts.received_to_date_krw, 0) as received_to_date_krw,
        transfers.service,
        transfers.service is not null as has_service,
        coalesce(transferred_patents.patent_ids, []) as patent_ids,
        transfers.project_number,
        transfers.reported_period
    from transfers
    left join receipts
        on receipts.consortium_id = transfers.consortium_id
        and receipts.contract_number = transfers.contract_number
    left join transferred_patents
        on transferred_patents.consortium_id = transfers.consortium_id
        and transferred_patents.contract_number = transfers.contract_number
)

select * from final
