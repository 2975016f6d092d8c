-- title_ko: 대학·학위과정별 참여 학생
-- title_en: Students by university and degree programme
-- description_ko: 컨소시엄마다 대학과 학위과정별로 참여한 학생 수와 그중 졸업·재학·중도탈락한 학생 수.
-- description_en: Per consortium, university and degree programme: students who ever took part, and how many have graduated, are still enrolled or withdrew.
with participation as (
    select * from fct_participation
),

universities as (
    select * from stg_institution
),

final as (
    select
        participation.consortium_id,
        universities.name_ko as university_ko,
        universities.name_en as university_en,
        participation.degree_program,
        count(*) as students,
        count(*) filter (where participation.status = 'graduated') as graduated,
        count(*) filter (where participation.status = 'enrolled') as enrolled,
        count(*) filter (where participation.status = 'withdrawn') as withdrawn
    from participation
    inner join universities on universities.institution_id = participation.institution_id
    group by all
)

select * from final
order by consortium_id, university_en, degree_program
