"""Helpers to drive the web interface in a real browser: the end-to-end tests and
`make screenshots` use them.

They run the application in a uvicorn server on a free loopback port, in a
thread, and drive the system's Chromium (Debian's `chromium` and
`chromium-driver` packages) through Selenium. Nothing is downloaded: when no
Chromium is installed, `find_browser` says so and callers skip.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["NO_BROWSER", "chrome", "find_browser", "free_port", "live_server"]

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
NO_BROWSER = (
    "no Chromium found: install Debian's chromium and chromium-driver packages "
    "(apt-get install chromium chromium-driver) or set SAGTE_CHROMIUM and SAGTE_CHROMEDRIVER"
)


def find_browser() -> tuple[str, str] | None:
    """Paths of (chromium, chromedriver), or None if either is missing."""
    browser = os.environ.get("SAGTE_CHROMIUM") or next(
        (p for p in map(shutil.which, BROWSERS) if p), None
    )
    driver = os.environ.get("SAGTE_CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser or not driver or not os.path.exists(browser) or not os.path.exists(driver):
        return None
    return browser, driver


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(app: Any, timeout: float = 20.0) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 in a background thread; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError(f"the test server did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chrome(width: int = 1280, height: int = 800, lang: str = "de-DE") -> Iterator[Any]:
    """A headless Chromium WebDriver with a `width`×`height` viewport.

    Raises:
        RuntimeError: no Chromium or chromedriver is installed (see NO_BROWSER).
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if found is None:
        raise RuntimeError(NO_BROWSER)
    browser, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
        f"--lang={lang}",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        # --window-size sets the window; make the viewport itself width×height.
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight];")
        driver.set_window_size(width + (width - inner[0]), height + (height - inner[1]))
        yield driver
    finally:
        driver.quit()
