"""Who may see what: roles from a small access file, matched on e-mail, domain or group.

Roles are ordered: leadership < analyst < admin; each role sees everything the roles below it
see. The access file (TOML, path from OUTCOMES_ACCESS_FILE, default access.toml beside the
code, never committed; see access.example.toml) maps people to roles:

    [emails]      "kim@msit.go.kr" = "admin"
    [domains]     "msit.go.kr" = "leadership"
    [groups]      "outcomes-analysts" = "analyst"      # values of the identity token's groups claim

The most specific rule wins (e-mail, then group, then domain); anyone unmatched has no role and
sees nothing. This module is pure: no Streamlit, so the rules are tested directly.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import config

Role = Literal["leadership", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("leadership", "analyst", "admin")


def access_file() -> Path:
    """The access file's path."""
    return Path(os.environ.get("OUTCOMES_ACCESS_FILE", config.PROJECT_ROOT / "access.toml"))


@dataclass(frozen=True)
class AccessRules:
    """E-mail, group and domain rules, each mapping to a role."""

    emails: dict[str, Role] = field(default_factory=dict)
    groups: dict[str, Role] = field(default_factory=dict)
    domains: dict[str, Role] = field(default_factory=dict)

    def role_for(self, email: str | None, groups: list[str] | None = None) -> Role | None:
        """The role of a signed-in person, or None when no rule names them."""
        if email and email.casefold() in self.emails:
            return self.emails[email.casefold()]
        group_roles = [self.groups[g] for g in (groups or []) if g in self.groups]
        if group_roles:
            return max(group_roles, key=ROLES.index)
        if email and "@" in email:
            return self.domains.get(email.rsplit("@", 1)[1].casefold())
        return None


def _section(data: dict, name: str) -> dict[str, Role]:
    rules = {str(k).casefold() if name != "groups" else str(k): v
             for k, v in data.get(name, {}).items()}
    unknown = sorted({v for v in rules.values() if v not in ROLES})
    if unknown:
        raise ValueError(f"unknown role(s) {unknown} in [{name}] of the access file; "
                         f"use one of {', '.join(ROLES)}")
    return rules


def load_rules(path: Path | None = None) -> AccessRules:
    """Read the access file; a missing file grants nobody anything."""
    path = path or access_file()
    if not path.is_file():
        return AccessRules()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return AccessRules(emails=_section(data, "emails"), groups=_section(data, "groups"),
                       domains=_section(data, "domains"))


def allows(role: Role | None, needed: Role) -> bool:
    """Whether `role` may see something meant for `needed` and above."""
    return role is not None and ROLES.index(role) >= ROLES.index(needed)
