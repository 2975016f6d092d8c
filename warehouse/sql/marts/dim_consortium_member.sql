-- materialized: table
-- The institutions of each consortium with their names, kind and role.
with members as (
    select * from stg_consortium_member
),

institutions as (
    select * from stg_institution
),

final as (
    select
        members.consortium_id,
        members.institution_id,
        members.member_role,
        members.research_domain,
        institutions.institution_type,
        institutions.name_ko,
        institutions.name_en,
        institutions.ror_id,
        institutions.is_company,
        institutions.is_university
    from members
    left join institutions on institutions.institution_id = members.institution_id
)

select * from final
