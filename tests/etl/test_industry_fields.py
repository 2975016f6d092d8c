"""Each awkward industry value is put in one canonical form or refused with its reason.

Tables of what data officers write for patent numbers, fees, GPUs, URLs and business numbers,
and what each must become; no value is guessed at.
"""

from __future__ import annotations

import pytest

from etl.industry_fields import (
    brn_check_digit,
    business_registration_number,
    gpu_model,
    krw,
    patent_application,
    patent_registration,
    url,
)
from etl.problems import ROW_REASONS


@pytest.mark.parametrize(("written", "expected"), [
    ("10-2024-0012345", ("10-2024-0012345", None)),
    ("1020240012345", ("10-2024-0012345", None)),
    ("10 - 2024 - 0012345", ("10-2024-0012345", None)),
    ("10‐2024‐0012345", ("10-2024-0012345", None)),  # Unicode hyphens from a word processor
    ("20-2025-0000123", ("20-2025-0000123", None)),  # a utility model
    ("10-1234567", (None, "registration_in_application_column")),
    ("1012345670000", (None, "registration_in_application_column")),
    ("10-24-12345", (None, "bad_patent_number")),
    ("10-2024-12345", (None, "bad_patent_number")),
    ("US 18/123,456", ("US 18/123,456", None)),  # foreign: kept, the office decides
    ("PCT/KR2024/012345", ("PCT/KR2024/012345", None)),
])
def test_application_numbers(written: str, expected: tuple) -> None:
    assert patent_application(written) == expected


@pytest.mark.parametrize(("written", "expected"), [
    ("10-1234567", ("10-1234567", None)),
    ("1012345670000", ("10-1234567", None)),
    ("10-1234567-0000", ("10-1234567", None)),
    ("10-2024-0012345", (None, "application_in_registration_column")),
    ("1020240012345", (None, "application_in_registration_column")),
    ("12345", (None, "bad_patent_number")),
])
def test_registration_numbers(written: str, expected: tuple) -> None:
    assert patent_registration(written) == expected


@pytest.mark.parametrize(("written", "won"), [
    ("1,200,000원", "1200000"), ("1200000", "1200000"), ("₩1,200,000", "1200000"),
    ("KRW 1,200,000", "1200000"), ("1,200,000 원", "1200000"), ("120만원", "1200000"),
    ("1.2억", "120000000"), ("1억 2,000만원", "120000000"), ("0", "0"),
])
def test_amounts_in_won_are_read(written: str, won: str) -> None:
    assert krw(written) == (won, None)


@pytest.mark.parametrize("written", ["about 1M", "1M", "약 100만원", "1.2 million", "12 34",
                                     "-5", "1,000.5", "미정"])
def test_amounts_that_are_not_a_figure_in_won_are_refused(written: str) -> None:
    assert krw(written) == (None, "not_krw")


@pytest.mark.parametrize(("written", "model"), [
    ("H100", "H100"), ("NVIDIA H100 80GB", "H100"), ("h100-sxm", "H100"),
    ("NVIDIA H100 SXM5 80GB HBM3", "H100"), ("8 x H100", "H100"), ("A100 40GB PCIe", "A100"),
    ("Tesla V100", "V100"), ("GeForce RTX 4090", "RTX4090"), ("L40S", "L40S"), ("L40", "L40"),
])
def test_gpu_spellings_become_one_model(written: str, model: str) -> None:
    assert gpu_model(written) == (model, None)


@pytest.mark.parametrize("written", ["TPU v5", "GPU", "좋은 GPU", "H1000"])
def test_unknown_gpus_are_refused_rather_than_guessed(written: str) -> None:
    assert gpu_model(written) == (None, "unknown_gpu_model")


@pytest.mark.parametrize(("written", "expected"), [
    ("https://huggingface.co/LGAI-EXAONE/EXAONE-3.5", "https://huggingface.co/LGAI-EXAONE/EXAONE-3.5"),
    ("huggingface.co/vaiv/model", "https://huggingface.co/vaiv/model"),
    ("HTTPS://GitHub.com/Vaiv/Repo", "https://github.com/Vaiv/Repo"),
])
def test_web_addresses_are_normalised(written: str, expected: str) -> None:
    assert url(written) == (expected, None)


@pytest.mark.parametrize("written", ["N/A", "추후 공개", "github", "ftp://files.example.org",
                                     "https://github.com/a b"])
def test_text_that_is_not_a_web_address_is_refused(written: str) -> None:
    assert url(written) == (None, "not_url")


def test_business_numbers_need_their_check_digit() -> None:
    assert business_registration_number("2208162517") == ("220-81-62517", None)
    assert business_registration_number("123-45-67890") == (None, "bad_business_number")
    assert brn_check_digit("220816251") == 7


def test_every_refusal_has_a_korean_and_an_english_reason() -> None:
    codes = {"bad_patent_number", "registration_in_application_column",
             "application_in_registration_column", "application_year_mismatch", "not_krw",
             "unknown_gpu_model", "not_url", "bad_business_number"}
    assert all(ROW_REASONS[c][0] and ROW_REASONS[c][1] for c in codes)
