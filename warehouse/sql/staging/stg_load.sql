-- Successful loads, with the last day of the period each one reports on.
with source as (
    select * from raw_load
),

final as (
    select
        load_id,
        consortium_id,
        period,
        last_day(make_date(
            cast(left(period, 4) as integer), cast(right(period, 1) as integer) * 3, 1
        )) as period_end_date,
        submitted_by,
        loaded_by,
        loaded_at,
        fingerprint,
        rows_in,
        rows_accepted,
        rows_rejected,
        outcome
    from source
)

select * from final
