-- materialized: table
-- One row per patent and consortium: filed (application date) and, once sent again with its
-- registration, registered, which keeps it one patent. A patent counts for the consortium only
-- if it names one of its grants (a number of its register or of its joint projects, or a
-- registered alias) valid at its filing date. Inventors sent with researcher numbers are matched
-- to the consortium's students.
with patents as (
    select * from stg_patent
),

grant_numbers as (
    select * from int_grant_number
),

students as (
    select distinct consortium_id, student_key from stg_student
),

acknowledging as (
    select distinct patents.consortium_id, patents.office, patents.application_number
    from patents
    inner join grant_numbers
        on grant_numbers.consortium_id = patents.consortium_id
        and list_contains(patents.acknowledged_projects, grant_numbers.printed_number)
        and patents.application_date >= coalesce(grant_numbers.valid_from, date '1900-01-01')
        and patents.application_date <= coalesce(grant_numbers.valid_to, date '9999-12-31')
),

student_inventors as (
    select
        patents.consortium_id,
        patents.office,
        patents.application_number,
        count(distinct students.student_key) as student_inventor_count
    from patents
    cross join unnest(patents.inventor_number_keys) as inventor(student_key)
    inner join students
        on students.consortium_id = patents.consortium_id
        and students.student_key = inventor.student_key
    group by patents.consortium_id, patents.office, patents.application_number
),

final as (
    select
        patents.consortium_id,
        patents.office || ':' || patents.application_number as patent_id,
        patents.office,
        patents.office = 'KR' as is_domestic,
        patents.application_number,
        patents.application_date,
        patents.registration_number,
        patents.registration_date,
        patents.registration_date is not null as is_registered,
        patents.title,
        patents.applicant_ids,
        len(patents.inventor_keys) as inventor_count,
        coalesce(student_inventors.student_inventor_count, 0) as student_inventor_count,
        patents.acknowledged_projects,
        acknowledging.consortium_id is not null as is_acknowledged,
        patents.first_reported_period,
        patents.reported_period
    from patents
    left join acknowledging
        on acknowledging.consortium_id = patents.consortium_id
        and acknowledging.office = patents.office
        and acknowledging.application_number = patents.application_number
    left join student_inventors
        on student_inventors.consortium_id = patents.consortium_id
        and student_inventors.office = patents.office
        and student_inventors.application_number = patents.application_number
)

select * from final
