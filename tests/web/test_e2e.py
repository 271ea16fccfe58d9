"""End to end in headless Chromium: each page type, a search, following a statement to
its article, the highlight, the raw/normalised toggle, languages, and inert markup.

Uses Debian's chromium and chromium-driver (never a browser download); without
them every test here is skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sagte.web.testing import NO_BROWSER, find_browser

if find_browser() is None:
    pytest.skip(NO_BROWSER, allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from sagte.web import create_app  # noqa: E402
from sagte.web.testing import chrome, live_server  # noqa: E402
from tests.conftest import XSS_IMG, XSS_SCRIPT  # noqa: E402

# Runs before any page script: records alert() calls instead of blocking on them.
ALERT_TRAP = (
    "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"
)


@pytest.fixture(scope="module")
def site(web_db: Path) -> Iterator[tuple[str, Any]]:
    with live_server(create_app(web_db)) as url, chrome(1280, 800) as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ALERT_TRAP})
        driver.set_page_load_timeout(30)
        yield url, driver


def squeeze(text: str) -> str:
    return "".join(text.split())


def wait(driver: Any, css: str) -> Any:
    return WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_e2e_search_then_follow_a_statement_to_its_highlighted_article(
    site: tuple[str, Any],
) -> None:
    url, driver = site
    driver.get(url + "/")
    box = wait(driver, "input#q")
    box.send_keys("Bündnis")
    driver.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait(driver, "article.card mark")
    card = next(
        c for c in driver.find_elements(By.CSS_SELECTOR, "article.card") if "Bündnisse" in c.text
    )
    assert "Bündnisse" in [m.text for m in card.find_elements(By.TAG_NAME, "mark")]
    assert card.find_element(By.CSS_SELECTOR, ".speaker").text == "Katrin Albers"
    assert card.find_element(By.CSS_SELECTOR, ".badge").text.lower() == "direkt"
    message = "".join(m.text for m in card.find_elements(By.CSS_SELECTOR, ".msg"))
    statement_id = card.get_attribute("data-statement")
    card.find_element(By.CSS_SELECTOR, "a.to-article").click()
    focused = WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".text.normalised .msg.focus")
    )
    assert driver.current_url.endswith(f"#s{statement_id}")
    assert all(statement_id in f.get_attribute("data-s").split() for f in focused)
    assert squeeze("".join(f.text for f in focused)) == squeeze(message)
    assert "Bündnisse vor Ort" in focused[0].text
    # The highlighted statement is on screen, and its colour matches its speaker in the legend.
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top;", focused[0])
    assert 0 <= top <= 800
    colour = next(c for c in focused[0].get_attribute("class").split() if c.startswith("sp-"))
    legend = driver.find_element(By.CSS_SELECTOR, f".legend .swatch.{colour}")
    assert "Katrin Albers" in legend.find_element(By.XPATH, "..").text


def test_e2e_article_toggles_between_normalised_and_raw_text(site: tuple[str, Any]) -> None:
    url, driver = site
    driver.get(url + "/articles")
    driver.find_element(
        By.LINK_TEXT, "Warnstreik im Nahverkehr: Busse bleiben in den Depots"
    ).click()
    normal = wait(driver, "#text-normalised")
    raw = driver.find_element(By.ID, "text-raw")
    assert normal.is_displayed() and not raw.is_displayed()
    assert len(normal.find_elements(By.CSS_SELECTOR, ".msg")) >= 4
    driver.find_element(By.ID, "view-raw").click()
    assert raw.is_displayed() and not normal.is_displayed()
    assert "view=raw" in driver.current_url
    raw_parts = raw.find_elements(By.CSS_SELECTOR, ".msg")
    assert any("Geduld der Kolleginnen" in p.text for p in raw_parts)
    driver.find_element(By.ID, "view-normalised").click()
    assert normal.is_displayed()


def test_e2e_speaker_page_shows_roles_chart_and_latest_statements(site: tuple[str, Any]) -> None:
    url, driver = site
    driver.get(url + "/speakers")
    driver.find_element(By.LINK_TEXT, "Markus Ohlendorf").click()
    assert wait(driver, "h1").text == "Markus Ohlendorf"
    assert "Verdi-Verhandlungsführer" in driver.find_element(By.CSS_SELECTOR, ".roles").text
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")
    assert len(bars) >= 5
    legend = driver.find_element(By.CSS_SELECTOR, ".chart-legend").text
    assert "Südbote" in legend and "Westkurier" in legend
    assert len(driver.find_elements(By.CSS_SELECTOR, "section.latest article.card")) >= 5
    assert driver.find_elements(By.CSS_SELECTOR, ".topics li")


def test_e2e_story_pages_load(site: tuple[str, Any]) -> None:
    url, driver = site
    driver.get(url + "/stories")
    assert wait(driver, "h1").text == "Geschichten"
    links = driver.find_elements(By.CSS_SELECTOR, "table.list a")
    if not links:  # stories not built for this database: the page says so
        assert driver.find_element(By.CSS_SELECTOR, ".empty").text
        return
    links[0].click()
    wait(driver, "svg.timeline")
    assert driver.find_elements(By.CSS_SELECTOR, "details.group")


def test_e2e_interface_switches_to_english(site: tuple[str, Any]) -> None:
    url, driver = site
    driver.get(url + "/")
    assert driver.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "de"
    driver.find_element(By.ID, "lang-switch").click()
    assert wait(driver, "h1").text == "Search statements"
    driver.get(url + "/speakers")  # remembered by a cookie
    assert driver.find_element(By.CSS_SELECTOR, "h1").text.startswith("Speakers")
    driver.find_element(By.ID, "lang-switch").click()
    assert wait(driver, "h1").text.startswith("Sprecher")


@pytest.mark.parametrize("page", ["article", "search", "speaker", "articles", "filters"])
def test_e2e_markup_in_articles_stays_inert_text(site: tuple[str, Any], page: str) -> None:
    url, driver = site
    driver.get(url + "/?q=einschüchtern")
    card = wait(driver, "article.card")
    targets = {
        "article": card.find_element(By.CSS_SELECTOR, "a.to-article").get_attribute("href"),
        "search": url + "/?q=einschüchtern",
        "speaker": card.find_element(By.CSS_SELECTOR, "a.speaker").get_attribute("href"),
        "articles": url + "/articles?q=Eklat",
        "filters": url + "/",  # the outlet's name is a <select> option
    }
    driver.get(targets[page])
    wait(driver, "main")
    assert driver.execute_script("return window.__alerts;") == []
    assert driver.execute_script("return document.querySelectorAll('img').length;") == 0
    scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.src + s.text);")
    assert scripts == [url + "/static/sagte.js"]
    shown = driver.find_element(By.TAG_NAME, "main").text
    if page == "filters":
        options = driver.execute_script(
            "return Array.from(document.querySelectorAll('select[name=outlet] option')).map(o => o.text);"
        )
        assert any(XSS_IMG in o for o in options)
    else:
        assert XSS_SCRIPT in shown or "Eklat im Stadtrat <script>" in shown
    if page in ("article", "search"):
        assert XSS_IMG in shown
