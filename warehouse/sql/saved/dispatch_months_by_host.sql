-- title_ko: 파견기관별 파견 인월
-- title_en: Dispatch person-months by host
-- description_ko: 파견기관마다 파견 건수, 파견 인원, 파견 인월(진행 중인 파견은 해당 컨소시엄의 최근 제출 분기 말까지, 1개월 = 365.25/12일), 4주 이상 체류한 인원.
-- description_en: Per host: stays, people, person-months (an ongoing stay runs to the end of its consortium's latest reported quarter; a month is 365.25/12 days) and people with a stay of four weeks or more.
with dispatches as (
    select * from fct_dispatch
),

consortia as (
    select * from dim_consortium
),

hosts as (
    select * from stg_institution
),

stays as (
    select
        dispatches.host_institution_id,
        dispatches.is_company_host,
        dispatches.person_key,
        coalesce(dispatches.end_date, consortia.data_until_date)
            - dispatches.start_date + 1 as stay_days
    from dispatches
    inner join consortia on consortia.consortium_id = dispatches.consortium_id
),

final as (
    select
        stays.host_institution_id,
        hosts.name_ko as host_ko,
        hosts.name_en as host_en,
        stays.is_company_host,
        count(*) as stays,
        count(distinct stays.person_key) as people,
        round(sum(stays.stay_days) / (365.25 / 12), 2) as person_months,
        count(distinct stays.person_key) filter (where stays.stay_days >= 28)
            as people_four_weeks_or_more
    from stays
    left join hosts on hosts.institution_id = stays.host_institution_id
    group by all
)

select * from final
order by person_months desc, host_institution_id
