-- title_ko: 분기별 석사·박사 참여 학생
-- title_en: Active Masters and PhD students by quarter
-- description_ko: 컨소시엄·분기별로 연초부터 분기 말까지 하루 이상 참여한 석사·박사(석박통합 포함) 학생 수.
-- description_en: Per consortium and quarter, students active on at least one day from 1 January to the quarter's end, Masters and PhD (integrated counts as PhD).
with active as (
    select * from fct_student_period
),

final as (
    select
        consortium_id,
        period,
        count(distinct student_key) filter (where degree_level = 'MS') as ms_students,
        count(distinct student_key) filter (where degree_level = 'PhD') as phd_students,
        count(distinct student_key) as students
    from active
    group by consortium_id, period
)

select * from final
order by consortium_id, period
