-- The KSIC codes of the current AI-industry list (the latest list version).
with source as (
    select * from raw_ai_industry_ksic
),

final as (
    select
        ksic_list_version,
        ksic_code,
        name_ko,
        name_en
    from source
    where ksic_list_version = (select max(ksic_list_version) from source)
)

select * from final
