-- Amounts received on transfer contracts, by the quarter that reported them.
with source as (
    select * from raw_transfer
),

final as (
    select
        consortium_id,
        period,
        contract_number,
        sum(received_krw) as received_krw
    from source
    where received_krw is not null
    group by consortium_id, period, contract_number
)

select * from final
