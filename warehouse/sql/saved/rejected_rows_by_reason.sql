-- title_ko: 반려 사유별 반려 행
-- title_en: Rejected rows by reason
-- description_ko: 컨소시엄·분기·자료 종류·열·사유별 반려 건수. 제출 기관에 보완을 요청할 때 씁니다.
-- description_en: Rejections per consortium, quarter, dataset, column and reason: what to ask submitters to fix.
with rejected as (
    select * from raw_rejected_row
),

final as (
    select
        consortium_id,
        period,
        dataset,
        column_name,
        reason_code,
        any_value(reason_ko) as reason_ko,
        any_value(reason_en) as reason_en,
        count(*) as rejections,
        count(distinct file_name || '#' || row_number) as rows_affected
    from rejected
    group by consortium_id, period, dataset, column_name, reason_code
)

select * from final
order by consortium_id, period, rejections desc, column_name
