"""The DuckDB warehouse: schema, layered SQL views, publishing of versions, the query module."""
