"""The glossary shows every catalogue KPI's definition, filters it, and opens the one linked.

Run through the real dashboard.py against the tiny program, in Korean and English; a KPI card's
link carries `?kpi=<id>`, which a test sets as a shared link would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.i18n import TEXT
from warehouse.catalogue import kpi, kpis

DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
GLOSSARY = "pages/glossary.py"


@pytest.fixture(autouse=True)
def _warehouse(tiny_warehouse: Path) -> None:
    """Every test here reads the tiny program."""


def open_glossary(query: dict[str, str]) -> AppTest:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(GLOSSARY).run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize(("lang", "title", "fields"), [
    ("ko", "지표 정의", ["국문 이름", "영문 이름", "정의", "분자", "분모", "단위", "좋은 방향",
                     "목표 기준", "자료 출처"]),
    ("en", "KPI glossary", ["Korean name", "English name", "Definition", "Numerator",
                            "Denominator", "Unit", "Direction of good", "Target rule", "Source"]),
])
def test_every_catalogue_kpi_is_defined_in_both_languages(lang: str, title: str,
                                                          fields: list[str]) -> None:
    app = open_glossary({"lang": lang})
    assert app.title[0].value == title
    assert [e.label.split(" · ")[0] for e in app.expander] == [k.name(lang) for k in kpis()]
    rate = next(e for e in app.expander if e.label.startswith(kpi("orcid_coverage").name(lang)))
    text = rate.markdown[0].value
    for field in fields:
        assert f"**{field}**" in text
    assert kpi("orcid_coverage").definition(lang) in text
    assert kpi("orcid_coverage").denominator_text(lang) in text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_cards_link_opens_its_kpi_first_and_expanded(lang: str) -> None:
    app = open_glossary({"lang": lang, "kpi": "continuation_rate"})
    first = app.expander[0]
    assert first.label.startswith(kpi("continuation_rate").name(lang))
    assert first.proto.expanded
    assert not any(e.proto.expanded for e in app.expander[1:])


def test_an_unknown_kpi_in_the_link_expands_nothing() -> None:
    app = open_glossary({"kpi": "no_such_kpi"})
    assert not any(e.proto.expanded for e in app.expander)


def test_the_domain_filter_keeps_that_domains_kpis_and_lives_in_the_url() -> None:
    app = open_glossary({})
    app.selectbox(key="domain").set_value("research").run()
    research = [k.name("ko") for k in kpis() if k.domain == "research"]
    assert [e.label.split(" · ")[0] for e in app.expander] == research
    assert app.query_params["domain"] == "research"


def test_a_domain_in_the_link_is_restored() -> None:
    app = open_glossary({"domain": "placement"})
    assert app.selectbox(key="domain").value == "placement"
    assert {e.label.split(" · ")[1] for e in app.expander} == {"진로"}


def test_search_finds_kpis_by_name_or_definition_in_either_language() -> None:
    app = open_glossary({})
    app.text_input(key="glossary-search").input("FTE").run()
    assert [e.label.split(" · ")[0] for e in app.expander] == ["참여 학생 FTE",
                                                                "학생 FTE당 GPU 시간"]
    app.text_input(key="glossary-search").input("ORCID 학생").run()
    assert [e.label.split(" · ")[0] for e in app.expander] == ["학생 ORCID 보유율"]
    app.text_input(key="glossary-search").input("no such words").run()
    assert not app.expander
    assert app.info, "an empty search says so"


def test_every_kpi_card_links_to_its_definition() -> None:
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    app.run()
    links = app.get("page_link")
    assert links and len(links) == len(app.metric)
    assert {link.proto.page for link in links} == {"glossary"}
    assert "kpi=active_students" in {link.proto.query_string for link in links}


def test_every_catalogue_domain_unit_direction_and_accumulation_has_words() -> None:
    needed = {f"{kind}_{getattr(k, kind)}" for k in kpis()
              for kind in ("domain", "unit", "direction", "accumulation")}
    missing = needed - set(TEXT)
    assert not missing, f"no label for {sorted(missing)}"
    assert all(korean and english for korean, english in TEXT.values())
