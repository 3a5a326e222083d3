/**
 * Every test the project has, after scripts/setup.mjs --test: unit tests (vitest), the Jupyter
 * kernel's tests (pytest tests/kernel), the extension's install checks (`jupyter labextension list`, `python -m jupyterlab.browser_check`),
 * then the UI tests (Playwright/Galata in the system Chromium against a real JupyterLab, a real
 * Notebook 7 and a JupyterLite site).
 * Ends with one summary line "N passed, N failed". `--unit` or `--ui` runs one part only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';
import { ROOT, step, venvBin } from './lib.mjs';

const only = process.argv.includes('--unit') ? 'unit' : process.argv.includes('--ui') ? 'ui' : 'all';
const totals = { passed: 0, failed: 0 };

if (only !== 'ui') {
  unitTests();
  kernelTests();
}
if (only !== 'unit') {
  installChecks();
  uiTests();
}
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);

function unitTests() {
  step('unit tests (vitest)');
  const report = join(ROOT, 'node_modules', '.cache', 'coroutine-cells', 'vitest.json');
  rmSync(report, { force: true });
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit', cwd: ROOT }
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    // A test file that failed to load has no failed test in it but must count as a failure.
    const loadFailures = json.testResults.filter(
      r => r.status === 'failed' && !r.assertionResults.some(a => a.status === 'failed')
    ).length;
    totals.failed += json.numFailedTests + loadFailures;
  }
  if (result.status !== 0 && !existsSync(report)) {
    totals.failed += 1;
  }
}

/** The Jupyter kernel with the real Jupyter tools (pytest, tests/kernel), counted from its JUnit report. */
function kernelTests() {
  step('Jupyter kernel tests (pytest tests/kernel: jupyter_kernel_test, nbconvert, papermill, preprocessor)');
  const report = join(ROOT, 'node_modules', '.cache', 'coroutine-cells', 'kernel-tests.xml');
  rmSync(report, { force: true });
  const result = spawnSync(venvBin('python'), ['-m', 'pytest', 'tests/kernel', '-q', '-p', 'no:cacheprovider', `--junitxml=${report}`], {
    stdio: 'inherit',
    cwd: ROOT
  });
  if (!existsSync(report)) {
    check('the kernel tests ran (pytest tests/kernel)', false);
    return;
  }
  const suite = readFileSync(report, 'utf8').match(/<testsuite\b[^>]*>/)?.[0] ?? '';
  const count = name => Number(suite.match(new RegExp(`\\b${name}="(\\d+)"`))?.[1] ?? 0);
  const bad = count('failures') + count('errors') + count('skipped');
  totals.passed += count('tests') - bad;
  totals.failed += bad;
  if (result.status !== 0 && bad === 0) check('the kernel test run itself (pytest tests/kernel)', false);
}

function installChecks() {
  step('jupyter labextension list');
  const list = spawnSync(venvBin('jupyter'), ['labextension', 'list'], { cwd: ROOT, encoding: 'utf8' });
  const text = `${list.stdout}${list.stderr}`;
  const line = text.split('\n').find(l => l.includes('jupyterlab-coroutine-cells'));
  console.log(line ? line.trim() : text);
  check('labextension list reports jupyterlab-coroutine-cells enabled and OK', Boolean(line && /enabled/.test(line) && /OK/.test(line)));

  step('python -m jupyterlab.browser_check');
  const browser = spawnSync(venvBin('python'), [join(ROOT, 'scripts', 'browser-check.py')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: findChromium() ?? '' }
  });
  check('jupyterlab.browser_check passes', browser.status === 0);
}

function uiTests() {
  const suites = [
    ['UI tests in JupyterLab 4.6 (Playwright + Galata, system Chromium, a real jupyter lab)', 'playwright.config.ts', 'results.json'],
    ['UI tests in Jupyter Notebook 7 (a real jupyter notebook)', 'playwright.notebook7.config.ts', 'notebook7-results.json'],
    ['UI tests in JupyterLite (a site built with jupyter lite build, served statically)', 'playwright.lite.config.ts', 'lite-results.json']
  ];
  for (const [title, config, reportName] of suites) {
    if (config === 'playwright.lite.config.ts') {
      step('building the JupyterLite site for its UI tests');
      const lite = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-lite.mjs')], { stdio: 'inherit', cwd: ROOT });
      if (lite.status !== 0) {
        check('the JupyterLite site builds', false);
        continue;
      }
    }
    step(title);
    runPlaywright(config, reportName);
  }
}

function runPlaywright(config, reportName) {
  const report = join(ROOT, 'ui-tests', 'test-results', reportName);
  rmSync(report, { force: true });
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', join(ROOT, 'ui-tests', config)],
    { stdio: 'inherit', cwd: ROOT, env: { ...process.env, CHROMIUM_PATH: findChromium() ?? '' } }
  );
  if (existsSync(report)) {
    const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
    totals.passed += stats.expected + (stats.flaky ?? 0);
    totals.failed += stats.unexpected;
    // A run that failed before any test (e.g. the server did not start) still fails.
    if (result.status !== 0 && stats.unexpected === 0) {
      check(`the UI test run itself (${config})`, false);
    }
  } else {
    check(`the UI tests ran (${config})`, result.status === 0);
  }
}

function check(name, ok) {
  console.log(`${ok ? '\x1b[32m✓' : '\x1b[31m✗'}\x1b[0m ${name}`);
  totals[ok ? 'passed' : 'failed'] += 1;
}
