-- One row per student and consortium: the most recently submitted version of the record.
with source as (
    select * from raw_student
),

ranked as (
    select
        *,
        row_number() over (
            partition by consortium_id, researcher_number_key
            order by period desc, source_row desc
        ) as version_rank
    from source
),

final as (
    select
        consortium_id,
        researcher_number_key as student_key,
        name_en_key,
        orcid_key,
        institution_id,
        degree_program,
        enrolment_date,
        participation_start as participation_start_date,
        participation_end as participation_end_date,
        status,
        graduation_date,
        degree_awarded,
        period as reported_period
    from ranked
    where version_rank = 1
)

select * from final
