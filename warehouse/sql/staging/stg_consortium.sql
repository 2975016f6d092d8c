-- Consortia with the quarter their program year 1 starts in.
with source as (
    select * from raw_consortium
),

final as (
    select
        consortium_id,
        name_ko,
        name_en,
        lead_institution_id,
        start_date,
        year(start_date) as start_year,
        cast(date_trunc('quarter', start_date) as date) as start_quarter_date
    from source
)

select * from final
