"""Roles come from the access file: most specific rule first, unknown people get nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.access import AccessRules, allows, load_rules
from ui.navigation import PAGES, pages_for

RULES = AccessRules(emails={"kim@msit.go.kr": "admin"}, groups={"outcomes-analysts": "analyst"},
                    domains={"msit.go.kr": "leadership"})


@pytest.mark.parametrize(("email", "groups", "role"), [
    ("kim@msit.go.kr", [], "admin"),
    ("KIM@MSIT.GO.KR", [], "admin"),
    ("lee@msit.go.kr", [], "leadership"),
    ("lee@msit.go.kr", ["outcomes-analysts"], "analyst"),
    ("park@nipa.kr", ["outcomes-analysts"], "analyst"),
    ("park@nipa.kr", ["someone-else"], None),
    (None, [], None),
])
def test_the_most_specific_rule_decides_the_role(email: str | None, groups: list[str],
                                                 role: str | None) -> None:
    assert RULES.role_for(email, groups) == role


def test_roles_are_ordered_and_nobody_without_a_role_is_allowed_anything() -> None:
    assert allows("admin", "analyst") and allows("analyst", "leadership")
    assert not allows("leadership", "analyst") and not allows(None, "leadership")


def test_each_role_sees_the_pages_of_the_roles_below_it() -> None:
    leadership, analyst, admin = (set(map(id, pages_for(r)))
                                  for r in ("leadership", "analyst", "admin"))
    assert leadership <= analyst <= admin == set(map(id, PAGES))
    assert pages_for(None) == []
    assert all(p.least_role == "leadership" for p in pages_for("leadership"))


def test_an_access_file_with_an_unknown_role_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "access.toml"
    path.write_text('[emails]\n"a@b.kr" = "superuser"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="superuser"):
        load_rules(path)


def test_a_missing_access_file_grants_nothing(tmp_path: Path) -> None:
    assert load_rules(tmp_path / "absent.toml").role_for("kim@msit.go.kr") is None
