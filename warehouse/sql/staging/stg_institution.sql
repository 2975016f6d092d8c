-- Institutions of the reference list, with a flag for companies (industry).
with source as (
    select * from raw_institution
),

final as (
    select
        institution_id,
        ror_id,
        institution_type,
        name_ko,
        name_en,
        aliases,
        institution_type = 'company' as is_company,
        institution_type = 'university' as is_university
    from source
)

select * from final
