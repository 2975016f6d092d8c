-- Which institutions belong to which consortium, and in what role.
with source as (
    select * from raw_consortium_member
),

final as (
    select
        consortium_id,
        institution_id,
        member_role,
        research_domain
    from source
)

select * from final
