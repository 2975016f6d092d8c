"""Periodic snapshot reports: freezing a quarter's figures, and publishing them safely.

`python -m reports publish --period 2026-Q3` freezes the warehouse for one quarter into
`snapshots/<id>/` (Parquet, manifest, HTML, PDF and Excel, in an internal and a public edition).
Figures come from warehouse.queries and the KPI catalogue, exactly as the app reads them; this
package holds no SQL and opens no connection.
"""
