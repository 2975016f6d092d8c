"""Grant numbers in free text: the one place that knows how Korean R&D numbers are printed.

Papers acknowledge grants in every shape: `(No. RS-2024-00397085)`, `IITP-2026-RS-2024-00397085`
(the support year in front is not part of the number), `2022-0-00077 / RS-2022-II220077` (a
legacy IITP number and its re-numbered twin), `2021R1A2C3008370`, `NRF-2019M3E4A1080146`, a
10-digit NTIS number, several in one bracket, with a share after each (`50%`, `기여율 50%`), full
of dash variants, HTML `&amp;`, stray spaces and line breaks. Every reader of every publication
format and the spreadsheet column hand their text here; nothing else parses grant numbers.

What must stay true: text around a number never invents or loses one; a number is written in one
canonical form whatever way it was printed; a number of a known scheme with the wrong length is
reported as malformed, never repaired by guessing; ids that are not grants (KISTI supercomputer
allocations such as `KSC-2022-CRE-0312`) are recognised and never taken for grants.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: the schemes a grant number may belong to, as written in the grant register
SCHEMES: dict[str, str] = {
    "rs": "integrated national R&D number (IRIS), RS-YYYY-NNNNNNNN",
    "rs_iitp": "older IITP project re-numbered, RS-YYYY-II + 6 digits",
    "rs_nrf": "older NRF project re-numbered, RS-YYYY-NR + 6 digits",
    "iitp_legacy": "legacy IITP number, YYYY-0-NNNNN",
    "nrf_legacy": "legacy NRF number, e.g. 2021R1A2C3008370",
    "ntis": "NTIS project number: 3-digit ministry code + 7-digit serial",
}

DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\u30FC]")
#: hyphens with spaces or line breaks around them, between two parts of a number
LOOSE_HYPHEN = re.compile(r"(?<=[0-9A-Za-z])[ \t]*(?:\r?\n)?[ \t]*-[ \t]*(?:\r?\n)?[ \t]*"
                          r"(?=[0-9A-Za-z])")
#: digits broken over a line or by a space, e.g. 'RS-2024-0039' / '7085'
BROKEN_DIGITS = re.compile(r"([0-9A-Za-z-]*\d)(\s+)(\d[0-9A-Za-z-]*)")

_START = r"(?<![0-9A-Za-z])"
_END = r"(?![0-9A-Za-z])"
#: one pattern, alternatives in order of precedence; the support-year prefix is consumed
GRANT = re.compile(
    _START + r"(?:IITP-(?:\d{4}-)?)?(?:"
    r"RS[ -]?(?P<rs_year>(?:19|20)\d{2})-?(?P<rs_kind>II|NR)(?P<rs_old>\d+)"
    r"|RS[ -]?(?P<rs_year2>(?:19|20)\d{2})-?(?P<rs_serial>\d+)"
    r"|(?P<iitp_year>(?:19|20)\d{2})-0-(?P<iitp_serial>\d+)(?:-(?P<iitp_sub>\d{1,3}))?"
    r"|(?:NRF-)?(?P<nrf>(?:19|20)\d{2}[A-Z]\d(?:[A-Z]\d){1,3}[A-Z]?\d{6,8})"
    r"|(?P<ntis>\d{10})"
    r")" + _END, re.IGNORECASE)
#: ids printed beside grants that are not grants: KISTI allocations, other agencies' codes
OTHER_ID = re.compile(_START + r"(?P<other>KSC-\d{4}-[A-Z]{2,5}-\d{3,5}"
                      r"|(?!(?:IITP|NRF)-)[A-Z]{2,6}-\d{4}-(?!RS-)[A-Z]{2,6}-\d{2,6})" + _END,
                      re.IGNORECASE)
#: a share printed right after a number: '50%', '(50%)', ', 기여율 50%', 'contribution: 50 %'
SHARE = re.compile(r"^[\s,(:;-]*(?:기여율|기여도|contribution(?:\s+rate)?|share)?\s*[:=]?\s*"
                   r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*%", re.IGNORECASE)

RS_DIGITS, RS_OLD_DIGITS, IITP_DIGITS = 8, 6, 5


@dataclass(frozen=True)
class Grant:
    """One grant acknowledged in a text, in canonical form."""

    number: str
    scheme: str
    #: the share printed after the number, in percent
    share_pct: float | None = None
    #: the same grant's other number printed in the same text (legacy IITP and its RS twin)
    twin: str | None = None


@dataclass(frozen=True)
class Found:
    """What a text holds: grants, numbers of a grant's shape but the wrong length, other ids."""

    grants: tuple[Grant, ...] = ()
    malformed: tuple[str, ...] = ()
    other_ids: tuple[str, ...] = ()

    @property
    def numbers(self) -> tuple[str, ...]:
        """Every canonical number printed, twins included, in order of appearance."""
        both = (n for g in self.grants for n in (g.number, g.twin) if n)
        return tuple(dict.fromkeys(both))


def normalise(text: str) -> str:
    """The text with HTML entities, dash variants, stray spaces and line breaks undone."""
    text = unicodedata.normalize("NFKC", html.unescape(html.unescape(text)))
    text = DASHES.sub("-", text).replace("\u00a0", " ").replace("\u200b", "")
    text = LOOSE_HYPHEN.sub("-", text)
    return BROKEN_DIGITS.sub(_join_broken, text)


def _join_broken(match: re.Match[str]) -> str:
    """Join two runs of digits only when together, and not apart, they make one number."""
    before, space, after = match.groups()
    if not _whole(before) and _whole(before + after):
        return before + after
    return before + space + after


def _whole(token: str) -> bool:
    found = GRANT.fullmatch(token)
    return found is not None and _read(found) is not None


def _read(match: re.Match[str]) -> tuple[str, str] | None:
    """(canonical number, scheme), or None when the digits have the wrong length."""
    part = match.groupdict()
    if part["rs_kind"]:
        if len(part["rs_old"]) != RS_OLD_DIGITS:
            return None
        kind = part["rs_kind"].upper()
        scheme = "rs_iitp" if kind == "II" else "rs_nrf"
        return f"RS-{part['rs_year']}-{kind}{part['rs_old']}", scheme
    if part["rs_serial"] is not None:
        if len(part["rs_serial"]) != RS_DIGITS:
            return None
        return f"RS-{part['rs_year2']}-{part['rs_serial']}", "rs"
    if part["iitp_serial"] is not None:
        if len(part["iitp_serial"]) != IITP_DIGITS:
            return None
        return f"{part['iitp_year']}-0-{part['iitp_serial']}", "iitp_legacy"
    if part["nrf"]:
        return part["nrf"].upper(), "nrf_legacy"
    return part["ntis"], "ntis"


def twin_of(number: str) -> str | None:
    """The RS-YYYY-II number a legacy IITP number was re-numbered to, where the pattern holds.

    `2022-0-00077` -> `RS-2022-II220077`: the year, then the year's last two digits and the
    serial's last four. Not every legacy number has such a twin; the register decides.
    """
    match = re.fullmatch(r"((?:19|20)(\d{2}))-0-0(\d{4})", number)
    return f"RS-{match.group(1)}-II{match.group(2)}{match.group(3)}" if match else None


def find(text: str | None) -> Found:
    """Every grant number, malformed number and non-grant id in a text."""
    if not text or not text.strip():
        return Found()
    clean = normalise(text)
    others = tuple(dict.fromkeys(m.group("other").upper() for m in OTHER_ID.finditer(clean)))
    masked = OTHER_ID.sub(lambda m: " " * len(m.group(0)), clean)
    grants: dict[str, Grant] = {}
    malformed: list[str] = []
    for match in GRANT.finditer(masked):
        read = _read(match)
        if read is None:
            malformed.append(match.group(0))
            continue
        number, scheme = read
        share = SHARE.match(masked[match.end():])
        pct = float(share.group("pct")) if share and float(share.group("pct")) <= 100 else None
        if number not in grants or (grants[number].share_pct is None and pct is not None):
            grants[number] = Grant(number, scheme, pct)
    return Found(_merge_twins(list(grants.values())), tuple(dict.fromkeys(malformed)), others)


def _merge_twins(grants: list[Grant]) -> tuple[Grant, ...]:
    """A legacy IITP number and its RS twin printed together are one grant (the RS number)."""
    numbers = {g.number for g in grants}
    legacy_of = {twin_of(g.number): g for g in grants if twin_of(g.number) in numbers}
    merged: dict[str, Grant] = {}
    for grant in grants:
        if twin_of(grant.number) in numbers:
            continue  # told with its RS twin below
        legacy = legacy_of.get(grant.number)
        if legacy is not None:
            grant = Grant(grant.number, grant.scheme, grant.share_pct or legacy.share_pct,
                          legacy.number)
        merged[grant.number] = grant
    return tuple(merged.values())


def find_in(texts: Iterable[object]) -> Found:
    """Grant numbers in several texts (a record's funding fields, award ids) read as one."""
    return find("\n\n".join(str(t) for t in texts if t not in (None, "")))


def canonical(text: str | None) -> str | None:
    """The canonical form of a text that holds exactly one grant number, else None."""
    found = find(text)
    return found.grants[0].number if len(found.grants) == 1 and not found.malformed else None


def scheme_of(number: str | None) -> str | None:
    """The scheme of a canonical number."""
    found = find(number)
    return found.grants[0].scheme if len(found.grants) == 1 else None


def searched_text(texts: Iterable[object]) -> str | None:
    """The funding texts a reader searched, joined as the validator and the report show them."""
    kept = [" ".join(str(t).split()) for t in texts if t not in (None, "") and str(t).strip()]
    return " | ".join(dict.fromkeys(kept)) if kept else None
