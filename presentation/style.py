"""The chart style the dashboard and the reports share."""

from __future__ import annotations

#: Korean-capable fonts, best first: Noto CJK where installed (servers, PDF), then the systems'
FONT = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"
