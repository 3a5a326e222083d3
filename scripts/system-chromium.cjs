/**
 * Preloaded (node --require) by scripts/browser-check.py: makes Playwright's chromium.launch use
 * the system Chromium with the flags this machine needs, since Playwright cannot download its own.
 */
const playwright = require('playwright');

const launch = playwright.chromium.launch.bind(playwright.chromium);
playwright.chromium.launch = options =>
  launch({
    ...options,
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...((options && options.args) || []), ...require('../ui-tests/chromium-args.json')]
  });
