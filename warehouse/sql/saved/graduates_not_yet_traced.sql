-- title_ko: 진로 미확인 졸업생
-- title_en: Graduates not yet traced
-- description_ko: 6개월·12개월 진로 조사일이 컨소시엄의 최근 제출 분기 말 이전에 지났는데 진로가 확인되지 않은 졸업생(가명 키).
-- description_en: Graduates whose 6- or 12-month survey date has passed by their consortium's latest reported quarter but whose destination is still unknown (pseudonymised keys).
with outcomes as (
    select * from fct_graduate_outcome
),

consortia as (
    select * from dim_consortium
),

final as (
    select
        outcomes.consortium_id,
        outcomes.student_key,
        outcomes.degree_awarded,
        outcomes.graduation_date,
        outcomes.months_after_graduation,
        outcomes.survey_date,
        outcomes.destination_status
    from outcomes
    inner join consortia on consortia.consortium_id = outcomes.consortium_id
    where not outcomes.is_known
        and outcomes.survey_date <= consortia.data_until_date
)

select * from final
order by consortium_id, survey_date, student_key
