-- title_ko: 연도별 사사 논문 특성
-- title_en: Acknowledged papers by year: open access, top venues, industry, students
-- description_ko: 컨소시엄·발행연도별 사사 논문 수와 그중 오픈액세스, 우수 학회·학술지, 산업체 공저, 학생 제1저자 논문 수.
-- description_en: Per consortium and publication year: acknowledged papers, and how many are open access, in a top venue, co-authored with industry, or first-authored by a participating student.
with papers as (
    select * from fct_publication_consortium
),

final as (
    select
        consortium_id,
        publication_year,
        count(*) as papers,
        count(*) filter (where is_open_access) as open_access,
        count(*) filter (where is_top_venue) as top_venue,
        count(*) filter (where has_industry_coauthor) as industry_coauthored,
        count(*) filter (where has_student_first_author) as student_first_author
    from papers
    group by consortium_id, publication_year
)

select * from final
order by consortium_id, publication_year
