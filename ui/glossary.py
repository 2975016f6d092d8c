"""The glossary's pieces: which KPIs a search shows and each KPI's definition as labelled fields.

Everything comes from the KPI catalogue (warehouse/catalogue.py), the same entries the warehouse
builds its views from, so the glossary cannot describe a KPI differently from how it is counted.
"""

from __future__ import annotations

import re

from ui.i18n import t
from warehouse.catalogue import Kpi, kpis
from warehouse.kpi_sql import formula

ALL_DOMAINS = "all"


def domains() -> list[str]:
    """'all' and then the catalogue's domains in the order they first appear."""
    return [ALL_DOMAINS, *dict.fromkeys(entry.domain for entry in kpis())]


def matches(entry: Kpi, domain: str, query: str) -> bool:
    """Whether the KPI is in the domain and every query word is found in its words.

    A word matches the start of a word of the id, English name or definition ("fte" must not
    find "after"), or anywhere in the Korean name or definition, where particles and compounds
    join words together ("학생" finds "참여학생의").
    """
    if domain != ALL_DOMAINS and entry.domain != domain:
        return False
    korean = f"{entry.name_ko} {entry.definition_ko}".casefold()
    english = re.findall(r"[^\W_]+", f"{entry.id} {entry.name_en} {entry.definition_en}".casefold())
    return all(word in korean or any(w.startswith(word) for w in english)
               for word in query.casefold().split())


def shown(domain: str, query: str, chosen: str | None) -> list[Kpi]:
    """The KPIs to show, in display order, with the chosen one (from a card's link) first."""
    found = [entry for entry in kpis() if matches(entry, domain, query)]
    return sorted(found, key=lambda entry: entry.id != chosen)


def target_rule(entry: Kpi) -> str:
    """The call's floor (or ceiling) and from which program year, or that there is none."""
    if entry.default_target is None:
        return t("target_none")
    target = f"{entry.default_target:g}"
    return t(f"target_floor_{entry.direction}", target=target,
             year=entry.target_from_program_year or 1)


def fields(entry: Kpi, lang: str) -> list[tuple[str, str]]:
    """The KPI's definition as (label, text) pairs, in the order a reader needs them."""
    rows = [(t("kpi_id"), f"`{entry.id}`"), (t("name_ko"), entry.name_ko),
            (t("name_en"), entry.name_en), (t("definition"), entry.definition(lang)),
            (t("numerator"), entry.numerator_text(lang))]
    denominator = entry.denominator_text(lang)
    if denominator:
        rows.append((t("denominator"), denominator))
    rows += [(t("counted_as"), formula(entry, lang)),
             (t("kpi_sql"), f"`python -m warehouse show-kpi {entry.id}` (docs/kpis.md)"),
             (t("unit"), t(f"unit_{entry.unit}")),
             (t("direction"), t(f"direction_{entry.direction}")),
             (t("accumulation"), t(f"accumulation_{entry.accumulation}")),
             (t("target_rule"), target_rule(entry)), (t("source"), entry.source)]
    return rows
