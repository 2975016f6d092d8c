-- materialized: table
-- partitioned by: consortium_id
-- Each student's participation in a consortium: degree level, period and outcome.
-- An integrated MS/PhD student counts on the PhD track.
with students as (
    select * from stg_student
),

loads as (
    select distinct consortium_id, period, period_end_date from stg_load
),

final as (
    select
        students.consortium_id,
        students.student_key,
        students.institution_id,
        students.degree_program,
        case when students.degree_program = 'MS' then 'MS' else 'PhD' end as degree_level,
        students.enrolment_date,
        students.participation_start_date,
        coalesce(
            students.participation_end_date,
            case when students.status = 'graduated' then students.graduation_date end,
            case when students.status = 'withdrawn' then loads.period_end_date end
        ) as participation_end_date,
        students.status,
        students.graduation_date,
        case
            when students.status = 'graduated' then coalesce(
                students.degree_awarded,
                case when students.degree_program = 'MS' then 'MS' else 'PhD' end
            )
        end as degree_awarded,
        students.orcid_key is not null as has_orcid,
        students.name_en_key
    from students
    left join loads
        on loads.consortium_id = students.consortium_id
        and loads.period = students.reported_period
)

select * from final
