"""Normalising the industry datasets' awkward values: patent numbers, won amounts, GPUs, URLs.

Each normaliser takes one submitted text and returns `(canonical text, None)` or
`(None, reason code)`; the validator applies it once per distinct value and quarantines the row
with the reason (etl/problems.py has the sentences). They are pure and know nothing of polars,
so the tests can table them. What must stay true: a value is either put into one canonical form
or refused with a reason, never guessed at (a 13-digit number is read as an application or a
registration by its shape alone, and the filing date then checks the guess, see
etl/validate.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Normalised = tuple[str | None, str | None]

#: Korean intellectual-property kinds: 10 patent, 20 utility model, 30 design
KR_KINDS = ("10", "20", "30")
#: matched against the number with spaces removed and hyphens kept: '10-24-12345' is neither
KR_APPLICATION = re.compile(r"^(?P<kind>[123]0)-?(?P<year>(19|20)\d\d)-?(?P<serial>\d{7})$")
KR_REGISTRATION = re.compile(r"^(?P<kind>[123]0)-?(?P<serial>\d{7})(-?0000)?$")
#: only digits, hyphens and spaces: a Korean-style number, so it must have a Korean form
KOREAN_SHAPED = re.compile(r"^[\d\s-]+$")
CANONICAL_KR_APPLICATION = r"^[123]0-\d{4}-\d{7}$"
CANONICAL_KR_REGISTRATION = r"^[123]0-\d{7}$"


def _clean(text: str) -> str:
    """NFKC, every dash as '-', no spaces around hyphens, trimmed."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u2010-\u2015\u2212\ufe58\ufe63]", "-", text)
    return re.sub(r"\s*-\s*", "-", text).strip()


def _compact(text: str) -> str:
    return re.sub(r"\s", "", text)


def patent_application(text: str) -> Normalised:
    """'10-2024-0012345', '1020240012345' -> '10-2024-0012345'; a registration is refused.

    A number with letters or slashes (US 18/123,456, PCT/KR2024/012345) is a foreign number and
    kept as written; the office column decides whether a Korean form was required.
    """
    cleaned = _clean(text)
    if not KOREAN_SHAPED.match(cleaned):
        return cleaned, None
    compact = _compact(cleaned)
    # 13 digits ending in 0000 fit both forms; read as an application here, the filing date's
    # year then catches a registration number (rule `application_year_mismatch` in validate)
    if application := KR_APPLICATION.match(compact):
        return f"{application['kind']}-{application['year']}-{application['serial']}", None
    if KR_REGISTRATION.match(compact):
        return None, "registration_in_application_column"
    return None, "bad_patent_number"


def patent_registration(text: str) -> Normalised:
    """'10-1234567', '1012345670000', '10-1234567-0000' -> '10-1234567'; an application refused."""
    cleaned = _clean(text)
    if not KOREAN_SHAPED.match(cleaned):
        return cleaned, None
    compact = _compact(cleaned)
    registration = KR_REGISTRATION.match(compact)
    if registration and (len(compact.replace("-", "")) == 9 or compact.endswith("0000")):
        return f"{registration['kind']}-{registration['serial']}", None
    if KR_APPLICATION.match(compact):
        return None, "application_in_registration_column"
    return None, "bad_patent_number"


WON_UNITS = {"억": 100_000_000, "천만": 10_000_000, "백만": 1_000_000, "만": 10_000, "천": 1_000}
WON_NUMBER = re.compile(r"^(?P<number>\d+(\.\d+)?)(?P<unit>억|천만|백만|만|천)?$")


def krw(text: str) -> Normalised:
    """'1,200,000원', '₩1,200,000', 'KRW 1200000', '120만원', '1.2억' -> whole won as digits.

    Abbreviations such as '1M' or words such as 'about' are refused: a fee is an agreed figure.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    cleaned = re.sub(r"^(krw|₩|\\)\s*|\s*(원|krw)$", "", cleaned, flags=re.IGNORECASE)
    cleaned = re.sub(r"(?<=\d),(?=\d{3}(\D|$))", "", cleaned)
    cleaned = re.sub(r"(?<=[억만천])\s+", "", cleaned)
    parts = re.findall(r"\d+(?:\.\d+)?(?:억|천만|백만|만|천)?", cleaned)
    if not cleaned or "".join(parts) != cleaned:
        return None, "not_krw"
    matches = [WON_NUMBER.match(part) for part in parts]
    # '1억 2,000만' has units on every part but the last; '12 34' is two numbers, not one
    if any(m is None or not m["unit"] for m in matches[:-1]) or matches[-1] is None:
        return None, "not_krw"
    total = sum(float(m["number"]) * WON_UNITS.get(m["unit"] or "", 1)
                for m in matches if m is not None)
    if total != int(total):
        return None, "not_krw"
    return str(int(total)), None


#: canonical GPU model -> the words that identify it once vendor, memory and form factor are gone
GPU_MODELS: dict[str, tuple[str, ...]] = {
    "B200": ("b200",), "H200": ("h200",), "H100": ("h100",), "H800": ("h800",),
    "A100": ("a100",), "A800": ("a800",), "L40S": ("l40s",), "L40": ("l40",), "L4": ("l4",),
    "A6000": ("a6000", "rtxa6000"), "A40": ("a40",), "A10": ("a10", "a10g"),
    "V100": ("v100",), "T4": ("t4",), "RTX4090": ("rtx4090", "4090", "geforcertx4090"),
    "RTX3090": ("rtx3090", "3090", "geforcertx3090"), "MI300X": ("mi300x",),
    "MI250": ("mi250", "mi250x"), "Gaudi2": ("gaudi2",), "Gaudi3": ("gaudi3",),
    "Rebellions ATOM": ("atom", "rebellionsatom"), "FuriosaAI RNGD": ("rngd", "furiosarngd"),
}
GPU_NOISE = re.compile(
    r"\b(nvidia|amd|intel|habana|tesla|instinct|gpu|tensor\s*core|sxm\d?|pcie|nvl|hbm\d?e?|"
    r"\d+\s*gb|\d+g|x\s*\d+|\d+\s*x)\b", re.IGNORECASE)
GPU_INDEX = {word: model for model, words in GPU_MODELS.items() for word in words}


def gpu_model(text: str) -> Normalised:
    """'H100', 'NVIDIA H100 80GB', 'h100-sxm', 'Tesla V100' -> one canonical model."""
    cleaned = unicodedata.normalize("NFKC", text).casefold().replace("_", " ").replace("-", " ")
    cleaned = GPU_NOISE.sub(" ", cleaned)
    token = re.sub(r"[\s().,/]+", "", cleaned)
    model = GPU_INDEX.get(token)
    return (model, None) if model else (None, "unknown_gpu_model")


URL = re.compile(r"^https?://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+"
                 r"(:\d{1,5})?(/\S*)?$", re.IGNORECASE)


def url(text: str) -> Normalised:
    """'huggingface.co/org/model' -> 'https://huggingface.co/org/model'; 'N/A' is refused."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)", cleaned, re.IGNORECASE):
        cleaned = "https://" + cleaned
    if not URL.match(cleaned):
        return None, "not_url"
    scheme, rest = cleaned.split("://", 1)
    host, _, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}" + (f"/{path}" if path else ""), None


def business_registration_number(text: str) -> Normalised:
    """'123-45-67890' or '1234567890' -> '123-45-67890' when its check digit is right."""
    digits = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", text))
    if not re.fullmatch(r"\d{10}", digits):
        return None, "bad_business_number"
    if brn_check_digit(digits[:9]) != int(digits[9]):
        return None, "bad_business_number"
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}", None


def brn_check_digit(first_nine: str) -> int:
    """The check digit of a Korean business registration number (National Tax Service rule)."""
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    total = sum(int(d) * w for d, w in zip(first_nine, weights, strict=True))
    total += int(first_nine[8]) * 5 // 10
    return (10 - total % 10) % 10


NORMALISERS: dict[str, Callable[[str], Normalised]] = {
    "patent_application": patent_application,
    "patent_registration": patent_registration,
    "krw": krw,
    "gpu_model": gpu_model,
    "url": url,
    "business_registration_number": business_registration_number,
}
