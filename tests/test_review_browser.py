"""The review page in a real headless browser (Debian's chromium + chromedriver via selenium).

Checks what only a browser can: the highlights as rendered, the click/hover details, and that
an article holding ``<script>alert(1)</script>`` shows it as text and runs no script.
Skipped, with the reason, when chromium, chromedriver or selenium is not installed
(CI: ``apt-get install -y chromium chromium-driver`` and ``pip install selenium``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from _claim_fixtures import (
    all_articles,
    all_claims,
    news_article,
    news_claims,
    script_article,
)
from klaim.review.pages import write_review

ARTIFACTS = Path(__file__).parent / "artifacts"


def _binary(*names: str) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


CHROMIUM = _binary("chromium", "chromium-browser")
CHROMEDRIVER = _binary("chromedriver")
try:
    import selenium  # noqa: F401

    HAVE_SELENIUM = True
except ImportError:
    HAVE_SELENIUM = False

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER and HAVE_SELENIUM),
    reason="needs a real browser: apt-get install -y chromium chromium-driver; pip install selenium "
    f"(found chromium={CHROMIUM}, chromedriver={CHROMEDRIVER}, selenium={HAVE_SELENIUM})",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    write_review(all_articles(), all_claims(), out)
    return out


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="klaim-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                 "--window-size=1400,1000"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())


def _no_alert(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert  # noqa: B018 - raises when there is none
    except NoAlertPresentException:
        return True
    return False


def test_highlights_match_spans_and_click_shows_details(browser, site: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    a = news_article()
    claims = {c.claim_id: c for c in news_claims()}
    _open(browser, site / "articles" / f"{a.article_id}.html")
    root = browser.find_element(By.ID, "article-text")
    # the DOM holds the article text exactly (read through JS: textContent keeps whitespace)
    assert browser.execute_script("return arguments[0].textContent", root) == a.text

    marks = root.find_elements(By.CSS_SELECTOR, "mark.claim")
    seen: dict[str, int] = {}
    for m in marks:
        cid = m.get_attribute("data-claim-id")
        s, e = int(m.get_attribute("data-start")), int(m.get_attribute("data-end"))
        assert browser.execute_script("return arguments[0].textContent", m) == a.text[s:e]
        assert int(m.get_attribute("data-claim-start")) == claims[cid].start
        assert int(m.get_attribute("data-claim-end")) == claims[cid].end
        seen[cid] = seen.get(cid, 0) + 1
    assert set(seen) == set(claims)
    crossing = {cid for cid, c in claims.items() if c.surface.startswith(("pertumbuhan", "Kami"))}
    for cid, n in seen.items():
        if cid not in crossing:  # every non-crossing claim is exactly one element: its span
            assert n == 1
            m = root.find_element(By.CSS_SELECTOR, f'mark[data-claim-id="{cid}"]')
            assert m.get_attribute("data-start") == str(claims[cid].start)
            assert m.get_attribute("data-end") == str(claims[cid].end)

    # hover previews, click pins the details of the clicked claim
    flood = next(c for c in claims.values() if c.surface.startswith("Banjir"))
    infl = next(c for c in claims.values() if c.surface.startswith("inflasi"))
    detail = browser.find_element(By.CSS_SELECTOR, f'.claim-detail[data-claim-id="{flood.claim_id}"]')
    assert not detail.is_displayed()
    ActionChains(browser).move_to_element(
        root.find_element(By.CSS_SELECTOR, f'mark[data-claim-id="{flood.claim_id}"]')).perform()
    assert detail.is_displayed()
    mark = root.find_element(By.CSS_SELECTOR, f'mark[data-claim-id="{infl.claim_id}"]')
    mark.click()
    shown = browser.find_element(By.CSS_SELECTOR, f'.claim-detail[data-claim-id="{infl.claim_id}"]')
    assert shown.is_displayed()
    assert not detail.is_displayed()
    assert infl.text in shown.text and "supported" in shown.text and "statistic" in shown.text
    assert "active" in mark.get_attribute("class")

    # clicking the inner of two nested claims shows both, the inner first
    inner = next(c for c in claims.values() if c.surface == "Rp 10 triliun")
    outer = next(c for c in claims.values() if c.surface.startswith("anggaran"))
    browser.execute_script("arguments[0].click()", root.find_element(
        By.CSS_SELECTOR, f'mark[data-claim-id="{inner.claim_id}"]'))
    d_in = browser.find_element(By.CSS_SELECTOR, f'.claim-detail[data-claim-id="{inner.claim_id}"]')
    d_out = browser.find_element(By.CSS_SELECTOR, f'.claim-detail[data-claim-id="{outer.claim_id}"]')
    assert d_in.is_displayed() and d_out.is_displayed()
    assert d_in.location["y"] < d_out.location["y"]

    # the verdict filter hides table rows and dims the other highlights
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "filter-verdict")).select_by_value("refuted")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.claim-row")
    assert [r.get_attribute("data-claim-id") for r in rows if r.is_displayed()] == [flood.claim_id]
    assert "dim" in mark.get_attribute("class")
    assert browser.find_element(By.ID, "shown-count").text == "1"

    # no console error (a Content-Security-Policy violation would be one)
    severe = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert severe == []

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review_news-001.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 1000
    assert _no_alert(browser)


def test_script_in_article_renders_as_text(browser, site: Path) -> None:
    from selenium.webdriver.common.by import By

    a = script_article()
    _open(browser, site / "articles" / f"{a.article_id}.html")
    assert _no_alert(browser)
    root = browser.find_element(By.ID, "article-text")
    assert browser.execute_script("return arguments[0].textContent", root) == a.text
    assert "<script>alert(1)</script>" in root.text
    # only the page's own script element exists; no element came from the text or the claims
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert not browser.find_elements(By.CSS_SELECTOR, "#article-text script, img, i, b")
    # open every claim's details: the claim texts hold <script> and onerror= too
    texts = []
    for m in root.find_elements(By.CSS_SELECTOR, "mark.claim"):
        m.click()
        assert _no_alert(browser)
        texts.append(browser.find_element(By.ID, "details").text)
    assert "<img src=x onerror=alert(3)>" in texts[0]
    assert "javascript:alert(4)" in texts[1] and "<script>alert(5)</script>" in texts[1]
    assert browser.title.startswith("<script>alert('title')</script>")
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "review_xss-002.png"))


def test_index_page(browser, site: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, site / "index.html")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.article-row")
    assert {r.get_attribute("data-article-id") for r in rows} == {a.article_id for a in all_articles()}
    assert len(browser.find_elements(By.CSS_SELECTOR, ".charts svg")) == 4
    browser.find_element(By.LINK_TEXT, "news-001").click()
    assert browser.current_url.endswith("articles/news-001.html")
    assert browser.find_elements(By.CSS_SELECTOR, "mark.claim")
    assert os.path.basename(browser.current_url) == "news-001.html"
