/**
 * Every test the project has, after scripts/setup.mjs --test: the static checks (ESLint, the
 * Prettier format check, the layer rule and a type check of each core layer), unit tests
 * (vitest), the Jupyter kernel's tests (pytest tests/kernel), the extension's install checks (`jupyter labextension list`, `python -m
 * jupyterlab.browser_check`), then the UI tests (Playwright/Galata in the system Chromium
 * against a real JupyterLab, a real Notebook 7 and a JupyterLite site).
 *
 * Honest counting (docs/testing.md): a suite that exits non-zero fails even when its report
 * shows no failed test (an unhandled error, a file that did not load); a suite that ran zero
 * tests fails; skipped tests are listed and counted. Ends with one summary line
 * "N passed, N failed, N skipped". `--static` runs the static checks, `--unit` those and vitest,
 * `--ui` the install checks and UI tests; `--vitest-config FILE` runs vitest with another config (the runner's own
 * test uses it on fixtures).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';
import { ROOT, step, venvBin } from './lib.mjs';

const argv = process.argv.slice(2);
const only = argv.includes('--static')
  ? 'static'
  : argv.includes('--unit')
    ? 'unit'
    : argv.includes('--ui')
      ? 'ui'
      : 'all';
const vitestConfigAt = argv.indexOf('--vitest-config');
const vitestConfig = vitestConfigAt >= 0 ? argv[vitestConfigAt + 1] : undefined;
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Reports go to a fresh temp folder, so parallel runs (the runner's own test) never share one. */
const reports = mkdtempSync(join(tmpdir(), 'coroutine-cells-test-'));

if (only !== 'ui') {
  if (vitestConfig === undefined) staticChecks();
  if (only !== 'static') unitTests();
  if (only !== 'static' && vitestConfig === undefined) kernelTests();
}
if (only === 'all' || only === 'ui') {
  installChecks();
  uiTests();
}
rmSync(reports, { recursive: true, force: true });
console.log(`\ntotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

/** ESLint, the format check, the layer rule, and each core layer type-checked on its own. */
function staticChecks() {
  const bin = (pkg, file) => join(ROOT, 'node_modules', pkg, file);
  const checks = [
    ['ESLint (npm run lint:check)', bin('eslint', 'bin/eslint.js'), ['.']],
    [
      'Prettier format check (npm run format fixes it)',
      bin('prettier', 'bin/prettier.cjs'),
      ['.', '--check', '--log-level', 'warn']
    ],
    ['layer rule (scripts/check-layers.mjs)', join(ROOT, 'scripts', 'check-layers.mjs'), []]
  ];
  for (const layer of ['scheduler', 'compiler', 'chart', 'protocol']) {
    checks.push([
      `src/${layer} type-checks without DOM, WebWorker or Node types`,
      bin('typescript', 'bin/tsc'),
      ['-p', `src/${layer}`]
    ]);
  }
  for (const [name, script, args] of checks) {
    step(name);
    const result = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit', cwd: ROOT });
    check(name, result.status === 0);
  }
}

function unitTests() {
  step('unit tests (vitest)');
  const report = join(reports, 'vitest.json');
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  if (vitestConfig !== undefined) args.push('--config', vitestConfig);
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), ...args], {
    stdio: 'inherit',
    cwd: ROOT
  });
  if (!existsSync(report)) {
    check('vitest wrote its report', false);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests;
  // A test file that failed to load has no failed test in it but must count as a failure.
  const loadFailures = json.testResults.filter(
    r => r.status === 'failed' && !r.assertionResults.some(a => a.status === 'failed')
  ).length;
  totals.failed += json.numFailedTests + loadFailures;
  const skipped = json.testResults.flatMap(r =>
    r.assertionResults.filter(a => a.status !== 'passed' && a.status !== 'failed').map(a => `${r.name}: ${a.fullName}`)
  );
  reportSkipped('vitest', skipped);
  if (json.numTotalTests === 0) {
    check('vitest ran at least one test', false);
  } else if (result.status !== 0 && json.numFailedTests + loadFailures === 0) {
    // Unhandled errors and the like fail the run without failing a test: the exit status says so.
    check('vitest exited with status 0', false);
  }
}

/**
 * The Jupyter kernel with the real Jupyter tools (pytest tests/kernel), counted from its JUnit
 * report: failures and errors fail, skipped tests are counted as skipped, zero tests fail.
 */
function kernelTests() {
  step('Jupyter kernel tests (pytest tests/kernel: jupyter_kernel_test, nbconvert, papermill, preprocessor)');
  const report = join(reports, 'kernel-tests.xml');
  const result = spawnSync(
    venvBin('python'),
    ['-m', 'pytest', 'tests/kernel', '-q', '-p', 'no:cacheprovider', `--junitxml=${report}`, '-rs'],
    { stdio: 'inherit', cwd: ROOT }
  );
  if (!existsSync(report)) {
    check('the kernel tests ran (pytest tests/kernel)', false);
    return;
  }
  const xml = readFileSync(report, 'utf8');
  const suite = xml.match(/<testsuite\b[^>]*>/)?.[0] ?? '';
  const count = name => Number(suite.match(new RegExp(`\\b${name}="(\\d+)"`))?.[1] ?? 0);
  const bad = count('failures') + count('errors');
  const skipped = [...xml.matchAll(/<testcase\b[^>]*\bname="([^"]*)"[^>]*>\s*<skipped/g)].map(m => m[1]);
  totals.passed += count('tests') - bad - count('skipped');
  totals.failed += bad;
  const unnamed = Array.from({ length: count('skipped') }, (_, i) => `skipped test ${i + 1} (see pytest's output)`);
  reportSkipped('pytest tests/kernel', skipped.length === count('skipped') ? skipped : unnamed);
  if (count('tests') === 0) {
    check('pytest tests/kernel ran at least one test', false);
  } else if (result.status !== 0 && bad === 0) {
    check('the kernel test run itself (pytest tests/kernel)', false);
  }
}

/** Lists skipped (or todo) tests and counts them; they are neither passed nor failed. */
function reportSkipped(suite, names) {
  if (names.length === 0) return;
  console.log(`\x1b[33m${names.length} skipped in ${suite}:\x1b[0m`);
  for (const name of names) console.log(`  - ${name}`);
  totals.skipped += names.length;
}

function installChecks() {
  step('jupyter labextension list');
  const list = spawnSync(venvBin('jupyter'), ['labextension', 'list'], { cwd: ROOT, encoding: 'utf8' });
  const text = `${list.stdout}${list.stderr}`;
  const line = text.split('\n').find(l => l.includes('jupyterlab-coroutine-cells'));
  console.log(line ? line.trim() : text);
  check(
    'labextension list reports jupyterlab-coroutine-cells enabled and OK',
    Boolean(line && /enabled/.test(line) && /OK/.test(line))
  );

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
    [
      'UI tests in JupyterLab 4.6 (Playwright + Galata, system Chromium, a real jupyter lab)',
      'playwright.config.ts',
      'results.json'
    ],
    [
      'UI tests in Jupyter Notebook 7 (a real jupyter notebook)',
      'playwright.notebook7.config.ts',
      'notebook7-results.json'
    ],
    [
      'UI tests in JupyterLite (a site built with jupyter lite build, served statically)',
      'playwright.lite.config.ts',
      'lite-results.json'
    ]
  ];
  for (const [title, config, reportName] of suites) {
    if (config === 'playwright.lite.config.ts') {
      step('building the JupyterLite site for its UI tests');
      const lite = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-lite.mjs')], {
        stdio: 'inherit',
        cwd: ROOT
      });
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
  // suite-config.ts writes the JSON report here (ignored by git).
  const report = join(ROOT, 'ui-tests', 'test-results', reportName);
  rmSync(report, { force: true });
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', join(ROOT, 'ui-tests', config)],
    { stdio: 'inherit', cwd: ROOT, env: { ...process.env, CHROMIUM_PATH: findChromium() ?? '' } }
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const stats = json.stats;
    totals.passed += stats.expected + (stats.flaky ?? 0);
    totals.failed += stats.unexpected;
    reportSkipped(config, skippedSpecs(json.suites ?? []));
    if (stats.expected + stats.unexpected + (stats.flaky ?? 0) === 0)
      check(`the UI tests ran at least one test (${config})`, false);
    // A run that failed before any test (e.g. the server did not start) still fails.
    if (result.status !== 0 && stats.unexpected === 0) {
      check(`the UI test run itself (${config})`, false);
    }
  } else {
    check(`the UI tests ran (${config})`, result.status === 0);
  }
}

/** The titles of skipped tests in a Playwright JSON report (suites nest). */
function skippedSpecs(suites) {
  return suites.flatMap(suite => [
    ...(suite.specs ?? []).flatMap(spec =>
      (spec.tests ?? []).filter(t => t.status === 'skipped').map(() => `${spec.file}: ${spec.title}`)
    ),
    ...skippedSpecs(suite.suites ?? [])
  ]);
}

function check(name, ok) {
  console.log(`${ok ? '\x1b[32m✓' : '\x1b[31m✗'}\x1b[0m ${name}`);
  totals[ok ? 'passed' : 'failed'] += 1;
}
