"""Python functions applied to a polars column once per distinct value.

Hashing identifiers, matching institution names and normalising DOIs are Python functions over
text that repeats a lot (the same people, universities and papers in every file). Calling them
once per distinct value, in the calling thread, and replacing in bulk is what keeps them cheap;
`map_elements` would call them per row on polars' worker threads, which the app's load page must
not tie up.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl


def distinct_mapping(series: pl.Series, function: Callable[[str], str | None]) -> dict:
    """`function` of every distinct non-null value of a text (or list-of-text) column."""
    values = series.explode() if isinstance(series.dtype, pl.List) else series
    return {value: function(value) for value in values.drop_nulls().unique().to_list()}


def map_distinct(series: pl.Series, function: Callable[[str], str | None]) -> pl.Series:
    """`function` of every value of a text column; nulls stay null."""
    return series.replace_strict(distinct_mapping(series, function), default=None,
                                 return_dtype=pl.String)
