-- The KPI catalogue as the app and analysts read it (loaded from warehouse/catalogue.toml).
with source as (
    select * from raw_kpi_catalogue
),

final as (
    select * from source
)

select * from final
