-- materialized: table
-- Degrees awarded to participating students.
with participation as (
    select * from fct_participation
),

final as (
    select
        consortium_id,
        student_key,
        institution_id,
        degree_awarded,
        graduation_date
    from participation
    where status = 'graduated' and graduation_date is not null
)

select * from final
