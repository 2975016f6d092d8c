-- title_ko: 컨소시엄별 최근 분기 성과지표
-- title_en: Each consortium's KPIs in its latest quarter
-- description_ko: 컨소시엄마다 가장 최근에 제출한 분기의 성과지표 실적, 목표, 연말 예상, 상태(분모 n 포함).
-- description_en: For each consortium, every KPI in its latest reported quarter: value, n, target, year-end projection and status.
with scorecard as (
    select * from kpi_scorecard
    where consortium_id <> 'ALL'
),

latest as (
    select consortium_id, max(period) as period
    from scorecard
    group by consortium_id
),

final as (
    select
        scorecard.consortium_id,
        scorecard.period,
        scorecard.program_year,
        scorecard.kpi_id,
        scorecard.value,
        scorecard.denominator as n,
        scorecard.target_value,
        scorecard.target_source,
        scorecard.projected_value,
        scorecard.status
    from scorecard
    inner join latest
        on latest.consortium_id = scorecard.consortium_id
        and latest.period = scorecard.period
)

select * from final
order by consortium_id, kpi_id
