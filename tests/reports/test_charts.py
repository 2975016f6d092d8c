"""Report charts are reproducible and can share a page: their SVG ids are stable and distinct.

Plotly gives every rendered figure a random id that its clip paths and legend refer to; the
reports replace it with one derived from the chart's key, so the same figure always gives the
same bytes, and two charts in one PDF never clip each other.
"""

from __future__ import annotations

from reports.charts import stable_svg

TEMPLATE = ('<svg><defs id="defs-{uid}"><clipPath id="clip{uid}xyplot"/></defs>'
            '<g clip-path="url(#clip{uid}xyplot)"><path d="M13f9a0c 0"/></g>'
            '<g clip-path="url(#legend{uid})"/><defs id="topdefs-{uid}"/></svg>')
RENDERED = TEMPLATE.format(uid="3f9a0c")


def test_the_random_plotly_id_is_replaced_by_the_charts_key() -> None:
    svg = stable_svg(RENDERED, "public-ko-chart-talent-people")
    assert 'id="defs-publickocharttalentpeople"' in svg
    assert 'url(#clippublickocharttalentpeoplexyplot)' in svg
    assert 'url(#legendpublickocharttalentpeople)' in svg
    assert 'id="topdefs-publickocharttalentpeople"' in svg


def test_drawing_data_that_looks_like_the_id_is_left_alone() -> None:
    assert 'd="M13f9a0c 0"' in stable_svg(RENDERED, "chart")


def test_two_keys_give_two_ids_and_one_key_the_same_bytes() -> None:
    assert stable_svg(RENDERED, "a-chart") != stable_svg(RENDERED, "b-chart")
    assert stable_svg(RENDERED, "a-chart") == stable_svg(TEMPLATE.format(uid="77e2d1"),
                                                         "a-chart")


def test_charts_render_from_a_thread_that_already_runs_an_event_loop() -> None:
    """A publish started from a process that drives Playwright (or a notebook) has a running
    loop in its thread; rendering must still work there. This one starts a browser."""
    import asyncio

    import plotly.graph_objects as go

    from reports.charts import render_svgs

    async def inside_a_loop() -> dict[str, str]:
        return render_svgs({"bars": go.Figure(go.Bar(x=["가", "나"], y=[1, 2]))})

    svgs = asyncio.run(inside_a_loop())
    assert svgs["bars"].startswith("<svg") and "가" in svgs["bars"]
