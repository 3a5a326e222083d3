"""Runs JupyterLab's own `python -m jupyterlab.browser_check` with the system Chromium.

The check starts JupyterLab, loads it in a browser and fails on any JavaScript or server error.
Its launcher downloads Playwright's own browser, which cannot be done here, so only the launcher
is replaced: it runs JupyterLab's unchanged browser-test.js with Playwright from node_modules and
a preload (scripts/system-chromium.cjs) that points Playwright at the system Chromium.
"""
import asyncio
import os
import sys
from os import path as osp

import jupyterlab.browser_check as browser_check

ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))
BROWSER_TEST = osp.join(osp.dirname(browser_check.__file__), "browser-test.js")


def _env():
    env = dict(os.environ)
    env["NODE_PATH"] = osp.join(ROOT, "node_modules")
    env["NODE_OPTIONS"] = "--require " + osp.join(ROOT, "scripts", "system-chromium.cjs")
    return env


async def run_browser(url):
    """Replacement of browser_check.run_browser: no browser download."""
    await browser_check.run_async_process(["node", BROWSER_TEST, url], cwd=ROOT, env=_env())


def run_browser_sync(url):
    """Replacement of browser_check.run_browser_sync: no browser download."""
    asyncio.run(run_browser(url))


browser_check.run_browser = run_browser
browser_check.run_browser_sync = run_browser_sync


class BrowserApp(browser_check.BrowserApp):
    """JupyterLab's BrowserApp, registered from this script as `python -m` registers it."""

    name = __name__


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": BrowserApp}]


if __name__ == "__main__":
    if os.geteuid() == 0 and "--allow-root" not in sys.argv:
        sys.argv.append("--allow-root")  # CI machines run as root
    BrowserApp.launch_instance()
