"""Sign-in with roles, end to end: a local OpenID provider, the real server, a real browser.

The provider is `oidc-provider-mock` on loopback; the access file gives each test person a role.
Pages a role may not see are neither listed nor reachable by URL; sign-out returns to the
sign-in screen.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect
from servers import free_port, start_server, stop_server, wait_until_healthy

from ui.navigation import PAGES

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("sign-in")]

PEOPLE = {"leadership": "director@msit.example", "analyst": "analyst@nipa.example",
          "admin": "admin@nipa.example"}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """A local OpenID Connect provider that signs in whoever types a subject."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, path="/.well-known/openid-configuration", expect=None)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def signed_app(provider: str, tiny_warehouse: Path, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[str]:
    """The dashboard with sign-in configured against the local provider."""
    folder = tmp_path_factory.mktemp("auth")
    port = free_port()
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://localhost:{port}/oauth2callback"\n'
        'cookie_secret = "test-only-cookie-secret-0123456789"\n'
        'client_id = "outcomes-dashboard"\nclient_secret = "test-only-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    access = folder / "access.toml"
    access.write_text("[emails]\n" + "".join(f'"{email}" = "{role}"\n'
                                             for role, email in PEOPLE.items()),
                      encoding="utf-8")
    server = start_server(tiny_warehouse.parent, host="localhost", port=port,
                          extra_args=["--secrets.files", str(secrets)],
                          env={"OUTCOMES_ACCESS_FILE": str(access)})
    yield server.url
    stop_server(server)


def sign_in(page: Page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="로그인").click()
    page.get_by_placeholder("sub").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_selector("[data-testid='stSidebarNav']", timeout=30_000)


def menu(page: Page) -> str:
    return page.locator("[data-testid='stSidebarNav']").inner_text()


def test_a_visitor_sees_only_the_sign_in_screen(page: Page, signed_app: str) -> None:
    for spec in PAGES:
        page.goto(f"{signed_app}/{spec.url_path}")
        expect(page.get_by_role("button", name="로그인")).to_be_visible(timeout=30_000)
        expect(page.locator("[data-testid='stMetric']")).to_have_count(0)


@pytest.mark.parametrize("role", list(PEOPLE))
def test_each_role_gets_exactly_its_pages(page: Page, signed_app: str, role: str) -> None:
    from ui.access import allows

    sign_in(page, signed_app, PEOPLE[role])
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text(PEOPLE[role])
    listed = menu(page)
    for spec in PAGES:
        page_title = {"overview": "전체 현황", "consortium": "컨소시엄", "sql": "SQL 작업대",
                      "load_data": "자료 적재"}.get(spec.title_key)
        if page_title and allows(role, spec.least_role):
            assert page_title in listed
        elif page_title:
            assert page_title not in listed


@pytest.mark.parametrize("role", ["leadership", "analyst"])
def test_only_an_administrator_can_open_the_load_page_by_url(page: Page, signed_app: str,
                                                               role: str) -> None:
    sign_in(page, signed_app, PEOPLE[role])
    page.goto(f"{signed_app}/load")
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=30_000)
    expect(page.get_by_text("제출 자료 적재")).to_have_count(0)
    expect(page.locator("[data-testid='stFileUploader']")).to_have_count(0)


@pytest.mark.parametrize(("role", "reaches"), [("leadership", False), ("analyst", True)])
def test_the_sql_page_opens_by_url_for_an_analyst_but_not_for_leadership(
        page: Page, signed_app: str, role: str, reaches: bool) -> None:
    sign_in(page, signed_app, PEOPLE[role])
    page.goto(f"{signed_app}/sql?sql={quote('select 42 as answer')}")
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=30_000)
    title = page.locator("[data-testid='stMain'] h1").first
    editor = page.locator("iframe[title*='code_editor']")
    if reaches:
        expect(title).to_have_text("SQL 작업대", timeout=30_000)
        expect(editor).to_be_visible()
        expect(page.get_by_text("1행 · ", exact=False)).to_be_visible(timeout=30_000)
    else:
        expect(title).not_to_have_text("SQL 작업대")
        expect(page.get_by_text("SQL 작업대")).to_have_count(0)
        expect(editor).to_have_count(0)


def test_an_administrator_opens_the_load_page(page: Page, signed_app: str) -> None:
    sign_in(page, signed_app, PEOPLE["admin"])
    page.goto(f"{signed_app}/load")
    expect(page.locator("[data-testid='stFileUploader']")).to_be_visible(timeout=30_000)


def test_someone_without_a_role_is_told_so(page: Page, signed_app: str) -> None:
    page.goto(signed_app)
    page.get_by_role("button", name="로그인").click()
    page.get_by_placeholder("sub").fill("stranger@example.com")
    page.get_by_role("button", name="Authorize").click()
    expect(page.get_by_text("stranger@example.com 계정에는 열람 권한이 없습니다",
                            exact=False)).to_be_visible(timeout=30_000)
    expect(page.locator("[data-testid='stMetric']")).to_have_count(0)


def test_signing_out_returns_to_the_sign_in_screen(page: Page, signed_app: str) -> None:
    sign_in(page, signed_app, PEOPLE["leadership"])
    page.locator("[data-testid='stSidebar']").get_by_role("button", name="로그아웃").click()
    end_session = page.get_by_role("button", name="End session")
    sign_in_button = page.get_by_role("button", name="로그인")
    # the app may draw its sign-in screen for a moment before it redirects to the provider's
    # end-session page, so answer that page whenever it shows until the sign-in screen stays
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        expect(end_session.or_(sign_in_button)).to_be_visible(timeout=30_000)
        if end_session.is_visible():
            end_session.click()
            continue
        page.wait_for_timeout(1_000)
        if sign_in_button.is_visible() and "end_session" not in page.url:
            break
    expect(sign_in_button).to_be_visible(timeout=30_000)
    page.goto(signed_app)
    expect(sign_in_button).to_be_visible(timeout=30_000)
    expect(page.locator("[data-testid='stMetric']")).to_have_count(0)
