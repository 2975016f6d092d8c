"""Which editions are due: a pure decision over the calendar and a few facts, no I/O.

A quarter's edition is due `grace_days` after the quarter's last day once every consortium
active in it (started on or before that day) has submitted it, and `deadline_days` after that
day whatever is missing, in which case the edition names the consortia missing. A year's edition
is due the same way after 31 December, counting every quarter of the year in which a consortium
was active. An edition already published is never published again, except that one whose
figures changed after publication (a restatement) is republished when `restate` is asked for.

Everything the decision needs is in `Facts`, and `today` is a parameter, so every boundary can be
tested without a clock, a warehouse or a renderer (reports/due.py gathers the facts and acts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import config

PUBLISH, REPUBLISH, WAIT, PUBLISHED, RESTATED = (
    "publish", "republish", "wait", "published", "restated")


@dataclass(frozen=True)
class Facts:
    """What the decision reads: consortia, submitted slices, published and restated editions."""

    #: consortium_id -> the day it started
    starts: dict[str, date]
    #: (consortium_id, quarter) for every quarter a consortium has submitted
    submitted: frozenset[tuple[str, str]]
    #: snapshot ids already published
    published: frozenset[str] = frozenset()
    #: published snapshot ids whose figures the warehouse now holds differently
    restated: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Decision:
    """What to do with one edition today, and why (one log line)."""

    snapshot_id: str
    kind: str  # "quarter" or "year"
    action: str
    reason: str
    #: consortium_id -> the quarters it has not submitted (only for editions published anyway)
    missing: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def acts(self) -> bool:
        """True when the edition is to be published now."""
        return self.action in (PUBLISH, REPUBLISH)

    def line(self) -> str:
        """The decision as one log line."""
        return f"{self.snapshot_id} ({self.kind}): {self.action}: {self.reason}"


def quarter_end(period: str) -> date:
    """The last day of a quarter written like 2026-Q3."""
    year, quarter = int(period[:4]), int(period[-1])
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, quarter * 3 + 1, 1) - timedelta(days=1)


def quarter_of(day: date) -> str:
    """The quarter a day falls in, like 2026-Q3."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _quarters(first: str, last: str) -> list[str]:
    year, quarter, found = int(first[:4]), int(first[-1]), []
    while f"{year}-Q{quarter}" <= last:
        found.append(f"{year}-Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return found


def _missing(facts: Facts, quarters: list[str]) -> dict[str, tuple[str, ...]]:
    """Each active consortium's quarters (of those given) it has not submitted."""
    missing = {}
    for consortium_id, start in sorted(facts.starts.items()):
        gaps = tuple(q for q in quarters if start <= quarter_end(q)
                     and (consortium_id, q) not in facts.submitted)
        if gaps:
            missing[consortium_id] = gaps
    return missing


def missing_text(missing: dict[str, tuple[str, ...]]) -> str:
    """'42maru (2025-Q1), vaiv (2025-Q1)': who is missing which quarters."""
    return ", ".join(f"{c} ({', '.join(q)})" for c, q in missing.items())


def _decide_one(facts: Facts, snapshot_id: str, kind: str, quarters: list[str], today: date,
                settings: config.PublishSchedule, restate: bool) -> Decision:
    missing = _missing(facts, quarters)
    if snapshot_id in facts.published:
        if snapshot_id in facts.restated:
            if restate:
                still = f"; still missing {missing_text(missing)}" if missing else ""
                return Decision(snapshot_id, kind, REPUBLISH, "figures changed after "
                                f"publication; republishing (--restate){still}", missing)
            return Decision(snapshot_id, kind, RESTATED,
                            "figures changed after publication; republish with --restate")
        return Decision(snapshot_id, kind, PUBLISHED, "already published")
    end = quarter_end(quarters[-1])
    grace, deadline = (end + timedelta(days=settings.grace_days),
                       end + timedelta(days=settings.deadline_days))
    if today < grace:
        return Decision(snapshot_id, kind, WAIT, f"grace period until {grace}")
    if not missing:
        return Decision(snapshot_id, kind, PUBLISH, "every active consortium has submitted")
    if today < deadline:
        return Decision(snapshot_id, kind, WAIT,
                        f"waiting for {missing_text(missing)} until the final deadline {deadline}")
    return Decision(snapshot_id, kind, PUBLISH,
                    f"final deadline {deadline} passed; missing {missing_text(missing)}", missing)


def decide(facts: Facts, today: date, settings: config.PublishSchedule | None = None,
           restate: bool = False) -> list[Decision]:
    """A decision for every quarter and year that has ended, oldest first (a year after its Q4).

    Quarters before the first consortium started, and before `settings.since`, are not editions.
    """
    settings = settings or config.publish_schedule()
    if not facts.starts:
        return []
    first = quarter_of(min(facts.starts.values()))
    if settings.since and settings.since > first:
        first = settings.since
    last_ended = quarter_of(quarter_start(quarter_of(today)) - timedelta(days=1))
    decisions = []
    for quarter in _quarters(first, last_ended) if first <= last_ended else []:
        decisions.append(_decide_one(facts, quarter, "quarter", [quarter], today, settings,
                                     restate))
        if quarter.endswith("Q4"):
            year = quarter[:4]
            in_year = [q for q in _quarters(f"{year}-Q1", quarter)
                       if q >= quarter_of(min(facts.starts.values()))]
            decisions.append(_decide_one(facts, year, "year", in_year, today, settings, restate))
    return decisions


def quarter_start(period: str) -> date:
    """The first day of a quarter written like 2026-Q3."""
    return date(int(period[:4]), int(period[-1]) * 3 - 2, 1)
