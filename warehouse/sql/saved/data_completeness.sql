-- title_ko: 자료 완결성
-- title_en: Data completeness
-- description_ko: 컨소시엄마다 ORCID가 있는 학생, DOI가 있는 사사 논문, 6개월 조사일이 지난 졸업생 중 진로가 확인된 비율(분자·분모 포함).
-- description_en: Per consortium: students with an ORCID iD, acknowledged papers with a DOI, and graduates past their 6-month survey date whose destination is known (with numerators and denominators).
with consortia as (
    select * from dim_consortium
    where data_until_date is not null
),

students as (
    select consortium_id, count(*) as students, count(*) filter (where has_orcid) as with_orcid
    from fct_participation
    group by consortium_id
),

papers as (
    select consortium_id, count(*) as papers, count(*) filter (where has_doi) as with_doi
    from fct_publication_consortium
    group by consortium_id
),

graduates as (
    select
        outcomes.consortium_id,
        count(*) as graduates_due,
        count(*) filter (where outcomes.is_known) as destination_known
    from fct_graduate_outcome as outcomes
    inner join consortia on consortia.consortium_id = outcomes.consortium_id
    where outcomes.months_after_graduation = 6
        and outcomes.survey_date <= consortia.data_until_date
    group by outcomes.consortium_id
),

final as (
    select
        consortia.consortium_id,
        coalesce(students.students, 0) as students,
        coalesce(students.with_orcid, 0) as with_orcid,
        round(100.0 * students.with_orcid / nullif(students.students, 0), 1) as orcid_pct,
        coalesce(papers.papers, 0) as papers,
        coalesce(papers.with_doi, 0) as with_doi,
        round(100.0 * papers.with_doi / nullif(papers.papers, 0), 1) as doi_pct,
        coalesce(graduates.graduates_due, 0) as graduates_due,
        coalesce(graduates.destination_known, 0) as destination_known,
        round(100.0 * graduates.destination_known / nullif(graduates.graduates_due, 0), 1)
            as destination_known_pct
    from consortia
    left join students on students.consortium_id = consortia.consortium_id
    left join papers on papers.consortium_id = consortia.consortium_id
    left join graduates on graduates.consortium_id = consortia.consortium_id
)

select * from final
order by consortium_id
