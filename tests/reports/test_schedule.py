"""What is due is decided from the calendar and the submissions alone, on a controlled clock.

These tests run the pure decision (reports.schedule.decide) over hand-written facts, so every
boundary is checked without a warehouse or a renderer: a quarter becomes due on the day its grace
period ends if everyone active has submitted, and on the day its final deadline passes in any
case, naming who is missing; a consortium that had not started is not waited for; a year counts
every quarter of it; nothing published is published again unless a restatement is asked for.
"""

from __future__ import annotations

from datetime import date

import pytest

import config
from reports.schedule import (
    PUBLISH,
    PUBLISHED,
    REPUBLISH,
    RESTATED,
    WAIT,
    Decision,
    Facts,
    decide,
    quarter_end,
)

SETTINGS = config.PublishSchedule(grace_days=30, deadline_days=60, since=None, lock_wait_s=0)
STARTS = {"vaiv": date(2024, 7, 1), "42maru": date(2024, 7, 1), "lg-ai": date(2025, 4, 1)}
EVERY_QUARTER = ["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]


def facts(skip: set[tuple[str, str]] = frozenset(), published: set[str] = frozenset(),
          restated: set[str] = frozenset()) -> Facts:
    """Every active consortium submitted every quarter to 2025-Q4, except `skip`."""
    submitted = {(c, q) for c, start in STARTS.items() for q in EVERY_QUARTER
                 if start <= quarter_end(q)} - set(skip)
    return Facts(STARTS, frozenset(submitted), frozenset(published), frozenset(restated))


def decision(found: list[Decision], snapshot_id: str) -> Decision:
    return next(d for d in found if d.snapshot_id == snapshot_id)


def test_a_complete_quarter_waits_out_its_grace_period_and_is_due_on_its_last_day() -> None:
    # 2025-Q2 ends on 30 June; 30 days of grace end on 30 July
    before = decision(decide(facts(), date(2025, 7, 29), SETTINGS), "2025-Q2")
    assert (before.action, before.reason) == (WAIT, "grace period until 2025-07-30")
    on_the_day = decision(decide(facts(), date(2025, 7, 30), SETTINGS), "2025-Q2")
    assert on_the_day.action == PUBLISH and on_the_day.missing == {}
    assert on_the_day.reason == "every active consortium has submitted"


def test_a_missing_consortium_is_waited_for_until_the_final_deadline_then_named() -> None:
    late = facts(skip={("lg-ai", "2025-Q2")})
    waiting = decision(decide(late, date(2025, 8, 28), SETTINGS), "2025-Q2")
    assert waiting.action == WAIT
    assert waiting.reason == "waiting for lg-ai (2025-Q2) until the final deadline 2025-08-29"
    forced = decision(decide(late, date(2025, 8, 29), SETTINGS), "2025-Q2")
    assert forced.action == PUBLISH
    assert forced.missing == {"lg-ai": ("2025-Q2",)}
    assert "final deadline 2025-08-29 passed; missing lg-ai (2025-Q2)" in forced.line()


def test_a_submission_arriving_before_the_deadline_makes_the_quarter_due_at_once() -> None:
    late = facts(skip={("42maru", "2025-Q2")})
    assert decision(decide(late, date(2025, 8, 10), SETTINGS), "2025-Q2").action == WAIT
    assert decision(decide(facts(), date(2025, 8, 10), SETTINGS), "2025-Q2").action == PUBLISH


def test_a_consortium_that_had_not_started_is_not_waited_for() -> None:
    # lg-ai starts on 1 April 2025: 2025-Q1 is complete without it
    found = decision(decide(facts(), date(2025, 4, 30), SETTINGS), "2025-Q1")
    assert found.action == PUBLISH and found.missing == {}


def test_only_quarters_that_have_ended_are_editions() -> None:
    found = decide(facts(), date(2025, 9, 30), SETTINGS)
    assert [d.snapshot_id for d in found] == ["2024-Q3", "2024-Q4", "2024", "2025-Q1",
                                              "2025-Q2"]
    assert decide(facts(), date(2024, 9, 30), SETTINGS) == []


def test_a_year_counts_every_quarter_each_consortium_was_active_in() -> None:
    gap = facts(skip={("42maru", "2025-Q1"), ("lg-ai", "2025-Q3")})
    year = decision(decide(gap, date(2026, 1, 30), SETTINGS), "2025")
    assert year.kind == "year" and year.action == WAIT
    forced = decision(decide(gap, date(2026, 3, 1), SETTINGS), "2025")
    assert forced.action == PUBLISH
    assert forced.missing == {"42maru": ("2025-Q1",), "lg-ai": ("2025-Q3",)}
    complete = decision(decide(facts(), date(2026, 1, 30), SETTINGS), "2025")
    assert complete.action == PUBLISH and complete.missing == {}


def test_a_published_edition_is_not_published_again() -> None:
    done = facts(published={"2024-Q3", "2024-Q4", "2024", "2025-Q1"})
    found = decide(done, date(2025, 7, 30), SETTINGS)
    assert [d.action for d in found] == [PUBLISHED, PUBLISHED, PUBLISHED, PUBLISHED, PUBLISH]
    assert [d.snapshot_id for d in found if d.acts] == ["2025-Q2"]


def test_a_restated_edition_is_flagged_and_republished_only_when_asked() -> None:
    restated = facts(skip={("lg-ai", "2025-Q2")}, published={"2025-Q2"},
                     restated={"2025-Q2"})
    flagged = decision(decide(restated, date(2025, 10, 1), SETTINGS), "2025-Q2")
    assert flagged.action == RESTATED and not flagged.acts
    assert "--restate" in flagged.reason
    again = decision(decide(restated, date(2025, 10, 1), SETTINGS, restate=True), "2025-Q2")
    assert again.action == REPUBLISH and again.acts
    assert again.missing == {"lg-ai": ("2025-Q2",)}, "a republished edition still names gaps"


def test_the_schedule_can_start_at_a_later_quarter() -> None:
    later = config.PublishSchedule(30, 60, since="2025-Q2", lock_wait_s=0)
    found = decide(facts(), date(2026, 2, 1), later)
    assert [d.snapshot_id for d in found] == ["2025-Q2", "2025-Q3", "2025-Q4", "2025"]


@pytest.mark.parametrize(("grace", "deadline", "due_on"), [
    ("2", "2", date(2025, 7, 2)), ("10", "10", date(2025, 7, 10)),
    ("30", "45", date(2025, 8, 14))])
def test_grace_and_deadline_come_from_the_environment(
        monkeypatch: pytest.MonkeyPatch, grace: str, deadline: str, due_on: date) -> None:
    monkeypatch.setenv("OUTCOMES_PUBLISH_GRACE_DAYS", grace)
    monkeypatch.setenv("OUTCOMES_PUBLISH_DEADLINE_DAYS", deadline)
    settings = config.publish_schedule()
    late = facts(skip={("lg-ai", "2025-Q2")})
    day_before = date.fromordinal(due_on.toordinal() - 1)
    assert decision(decide(late, day_before, settings), "2025-Q2").action == WAIT
    assert decision(decide(late, due_on, settings), "2025-Q2").action == PUBLISH
