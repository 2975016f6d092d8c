"""The committed input-contract document is exactly what the contract generates."""

from __future__ import annotations

from contract import SUBMITTED_DATASETS
from etl.contract_docs import CONTRACT_DOC, render_contract_docs


def test_committed_contract_document_is_up_to_date() -> None:
    assert CONTRACT_DOC.read_text(encoding="utf-8") == render_contract_docs(), \
        "run `make docs` and commit docs/input-contract.md"


def test_every_submitted_column_is_documented_with_its_korean_header() -> None:
    text = render_contract_docs()
    for dataset in SUBMITTED_DATASETS:
        for column in dataset.columns:
            assert f"| `{column.name}` | {column.korean}" in text
