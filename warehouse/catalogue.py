"""The KPI catalogue, read from catalogue.toml: the one definition every page, report and test uses.

A KPI exists when it has an entry here and a view `kpi_<id>` in sql/kpi/. The build refuses a
catalogue entry without a view and a view without an entry, so the two cannot drift apart.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

CATALOGUE_FILE = Path(__file__).with_name("catalogue.toml")

Unit = Literal["people", "projects", "papers", "percent", "krw", "months", "hours", "count",
               "fte", "person_months", "universities"]


@dataclass(frozen=True)
class Kpi:
    """One KPI: names, definition, unit, the direction of good and the call's floor."""

    id: str
    domain: str
    name_ko: str
    name_en: str
    definition_ko: str
    definition_en: str
    numerator: str
    unit: Unit
    direction: Literal["up", "down"]
    accumulation: Literal["flow", "stock", "rate"]
    source: str
    at_risk_share: float
    display_order: int
    denominator: str | None = None
    default_target: float | None = None
    target_from_program_year: int | None = None
    numerator_ko: str = ""
    denominator_ko: str | None = None
    #: the KPI whose value this one's siblings add up to (e.g. Masters + PhD = all students)
    part_of: str | None = None
    #: what a rate's numerator and denominator count; rates count people unless told otherwise
    counted: str | None = None

    @property
    def view(self) -> str:
        """The SQL view that computes this KPI."""
        return f"kpi_{self.id}"

    @property
    def counts_people(self) -> bool:
        """Its figures are counts of people (protected in public editions)."""
        if self.is_rate:
            return (self.counted or "people") == "people"
        return self.unit == "people"

    def name(self, language: str) -> str:
        """The KPI's name in 'ko' or 'en'."""
        return self.name_ko if language == "ko" else self.name_en

    def definition(self, language: str) -> str:
        """The KPI's definition in 'ko' or 'en'."""
        return self.definition_ko if language == "ko" else self.definition_en

    def numerator_text(self, language: str) -> str:
        """What the numerator counts, in 'ko' or 'en'."""
        return self.numerator_ko if language == "ko" and self.numerator_ko else self.numerator

    def denominator_text(self, language: str) -> str | None:
        """What the denominator counts, in 'ko' or 'en' (None for counts)."""
        if language == "ko" and self.denominator_ko:
            return self.denominator_ko
        return self.denominator

    @property
    def is_rate(self) -> bool:
        """A share with a numerator and a denominator (n is shown beside it)."""
        return self.accumulation == "rate"


@dataclass(frozen=True)
class StatusRule:
    """How a projection is compared with its target."""

    at_risk_share: float
    description_ko: str
    description_en: str


@cache
def _raw() -> dict:
    return tomllib.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))


@cache
def status_rule() -> StatusRule:
    """The rule that turns a projection and a target into a status."""
    return StatusRule(**_raw()["status_rule"])


@cache
def kpis() -> tuple[Kpi, ...]:
    """Every KPI, in display order."""
    share = status_rule().at_risk_share
    return tuple(Kpi(**{"at_risk_share": share, **entry, "display_order": order})
                 for order, entry in enumerate(_raw()["kpi"], start=1))


def kpi(kpi_id: str) -> Kpi:
    """The KPI with this id."""
    for entry in kpis():
        if entry.id == kpi_id:
            return entry
    raise KeyError(f"unknown KPI {kpi_id!r}")


def kpi_ids() -> frozenset[str]:
    """Every KPI id."""
    return frozenset(k.id for k in kpis())
