"""The reports' industry section: what companies gave and where the research went.

Read once by the publisher with the rest of a snapshot's figures (warehouse.queries'
industry_flow and industry_support, for the snapshot's year up to its quarter). The flow counts
records (papers, patents, releases, contracts), never people, so it needs no disclosure control.
Company-level won values (the agreed value of what each company gave) and fees appear in the
internal edition only: the public edition keeps the native units (GPU-hours, tokens, hours).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from reports.text import label

STAGES = ("projects", "papers", "patents", "artefacts", "transfers", "services")
#: support columns every edition shows, and those (won) only the internal edition shows
NATIVE_COLUMNS = ("gpu_hours", "api_tokens", "api_calls", "mentoring_hours")
WON_COLUMNS = ("in_kind_krw", "cash_krw")


def year_support(support: pl.DataFrame, period: str) -> pl.DataFrame:
    """Support of the snapshot's year up to its quarter, per consortium and company."""
    if support.height == 0:
        return support
    return (support.filter(pl.col("period").str.starts_with(period[:4]))
            .group_by("consortium_id", "provider_institution_id")
            .agg(pl.col("provider_name_ko", "provider_name_en").first(),
                 pl.col(*WON_COLUMNS, *NATIVE_COLUMNS).sum())
            .sort("consortium_id", "provider_institution_id"))


def transfer_fees(transfers: pl.DataFrame) -> pl.DataFrame:
    """Transfer contracts per consortium with their agreed fixed fees and amounts received."""
    return (transfers.group_by("consortium_id")
            .agg(pl.len().alias("contracts"), pl.col("fixed_fee_krw").sum(),
                 pl.col("received_to_date_krw").sum())
            .sort("consortium_id"))


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def industry_view(flow: pl.DataFrame, support: pl.DataFrame, fees: pl.DataFrame, edition: str,
                  language: str, consortium_name: Any) -> dict[str, Any]:
    """The section as plain data: flow links, the company support and transfer tables."""
    stage = {s: label(f"stage_{s}", language) for s in STAGES}
    links = [{"link": f"{stage[r['source_stage']]} → {stage[r['target_stage']]}",
              "records": _number(r["records"])} for r in flow.iter_rows(named=True)]
    columns = (*WON_COLUMNS, *NATIVE_COLUMNS) if edition == "internal" else NATIVE_COLUMNS
    name = "provider_name_ko" if language == "ko" else "provider_name_en"
    rows = [{"consortium": consortium_name(r["consortium_id"]), "provider": r[name] or "",
             "cells": [_number(r[c]) for c in columns]} for r in support.iter_rows(named=True)]
    fee_columns = ("contracts", "fixed_fee_krw", "received_to_date_krw") \
        if edition == "internal" else ("contracts",)
    transfers = [{"consortium": consortium_name(r["consortium_id"]),
                  "cells": [_number(r[c]) for c in fee_columns]}
                 for r in fees.iter_rows(named=True)]
    return {"title": label("industry_detail", language),
            "sheet_title": label("industry", language),
            "flow_title": label("industry_flow", language),
            "transfers_title": label("industry_transfers", language),
            "transfer_headers": [label(c, language) for c in fee_columns],
            "transfers": transfers,
            "support_title": label("industry_support", language),
            "note": label("industry_note_" + edition, language), "links": links,
            "headers": [label(c, language) for c in columns], "rows": rows}


def sheet_rows(view: dict[str, Any]) -> list[list[str]]:
    """The section as rows of one worksheet: the flow, a blank line, the support table."""
    rows: list[list[str]] = [[view["flow_title"]]]
    rows += [[link["link"], link["records"]] for link in view["links"]]
    rows += [[], [view["support_title"]], ["", "", *view["headers"]]]
    rows += [[r["consortium"], r["provider"], *r["cells"]] for r in view["rows"]]
    rows += [[], [view["transfers_title"]], ["", *view["transfer_headers"]]]
    rows += [[r["consortium"], *r["cells"]] for r in view["transfers"]]
    return [*rows, [], [view["note"]]]
