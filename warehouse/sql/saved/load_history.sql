-- title_ko: 적재 이력
-- title_en: Load history
-- description_ko: 컨소시엄·분기별 최근 적재: 적재 시각, 제출자, 입력·적재·반려 행 수와 반려율(%).
-- description_en: The latest load of each consortium and quarter: when, by whom, rows in, accepted and rejected, and the rejection rate (%).
with loads as (
    select * from stg_load
),

latest as (
    select * from loads
    qualify row_number() over (partition by consortium_id, period order by loaded_at desc) = 1
),

final as (
    select
        consortium_id,
        period,
        loaded_at,
        submitted_by,
        outcome,
        rows_in,
        rows_accepted,
        rows_rejected,
        round(100.0 * rows_rejected / nullif(rows_in, 0), 1) as rejected_pct
    from latest
)

select * from final
order by consortium_id, period
