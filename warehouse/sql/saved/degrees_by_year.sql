-- title_ko: 연도·학위별 학위 취득자
-- title_en: Degrees awarded by year and degree
-- description_ko: 컨소시엄마다 졸업 연도와 취득 학위(석사·박사)별 학위 취득자 수.
-- description_en: Per consortium, graduation year and degree (MS or PhD): how many degrees participating students were awarded.
with degrees as (
    select * from fct_degree
),

final as (
    select
        consortium_id,
        year(graduation_date) as graduation_year,
        degree_awarded,
        count(*) as degrees
    from degrees
    group by all
)

select * from final
order by consortium_id, graduation_year, degree_awarded
