-- title_ko: 여러 컨소시엄이 함께 사사한 논문
-- title_en: Papers shared across consortia
-- description_ko: 둘 이상의 컨소시엄이 사사 논문으로 보고한 논문. 사업 전체 집계에서는 한 번만 셉니다.
-- description_en: Papers that two or more consortia report as acknowledging their projects; program-wide totals count each of them once.
with acknowledged as (
    select * from fct_publication_consortium
),

papers as (
    select * from dim_publication
),

shared as (
    select
        publication_id,
        count(distinct consortium_id) as consortia,
        list(distinct consortium_id order by consortium_id) as consortium_ids
    from acknowledged
    group by publication_id
    having count(distinct consortium_id) >= 2
),

final as (
    select
        shared.publication_id,
        papers.title,
        papers.venue,
        papers.publication_year,
        shared.consortia,
        shared.consortium_ids
    from shared
    inner join papers on papers.publication_id = shared.publication_id
)

select * from final
order by consortia desc, publication_year desc, publication_id
