'use strict';
/**
 * `npm test`: everything, in order — build, lint (n8n's strict community-node rules), the unit
 * tests (jest + nock on n8n-core's engine, and the sandbox), then the end-to-end tests in real
 * n8n 2.x and 1.x (installed on first use). Prints a table and, last, `N passed, N failed`.
 *
 * Then, where Debian's chromium is installed, the browser check of the demo.
 *
 * XOBITO_E2E=0 skips the end-to-end part; XOBITO_E2E_N8N=n8n2 runs it on one n8n build only;
 * XOBITO_BROWSER=0 skips the browser check.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.e2e-work');
fs.mkdirSync(WORK, { recursive: true });

const steps = [];

function run(name, command, args, env = {}) {
	const started = Date.now();
	process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
	const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
	const seconds = Math.round((Date.now() - started) / 100) / 10;
	return { ok: result.status === 0, seconds };
}

/** A step that is one check (build, lint, install). */
function check(name, command, args) {
	const { ok, seconds } = run(name, command, args);
	steps.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
	return ok;
}

/** A jest run; its own tests are counted from its JSON report. */
function jest(name, config, extra = []) {
	const report = path.join(WORK, `${name.replace(/\W+/g, '-')}.json`);
	fs.rmSync(report, { force: true });
	const { ok, seconds } = run(name, 'npx', ['jest', '-c', config, '--json', `--outputFile=${report}`, ...extra]);
	let passed = 0;
	let failed = 0;
	if (fs.existsSync(report)) {
		const results = JSON.parse(fs.readFileSync(report, 'utf8'));
		passed = results.numPassedTests;
		failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
	}
	// A jest that failed without a failing test (a crash, no report) still counts as a failure.
	if (!ok && failed === 0) failed = 1;
	steps.push({ name, passed, failed, seconds });
}

// A fresh clone: install the toolchain first (--ignore-scripts: see .ci/run).
if (!fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'jest'))) {
	check('install toolchain (npm ci)', 'npm', ['ci', '--ignore-scripts', '--fetch-retries=5', '--no-audit', '--no-fund']);
}

const built = check('build', 'npm', ['run', 'build', '--silent']);
check('lint', 'npm', ['run', 'lint', '--silent']);
if (built) jest('unit tests', 'jest.config.js');

if (process.env.XOBITO_E2E !== '0') {
	const names = (process.env.XOBITO_E2E_N8N || 'n8n2,n8n1').split(',');
	if (check('install n8n test builds', 'node', ['test/e2e/runtimes.js', ...names]) && built) {
		const files = ['test/e2e/package.e2e.test.js', ...names.map((name) => `test/e2e/${name}.e2e.test.js`)];
		jest('end-to-end tests (real n8n)', 'jest.e2e.config.js', files);
	}
}

// A person's check of the demo in headless Chromium, where Debian's chromium is installed.
if (process.env.XOBITO_BROWSER !== '0' && fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') && built) {
	check('browser check of the demo (Chromium)', 'node', ['test/browser/editor.browser.js']);
} else {
	process.stdout.write('\n=== browser check skipped: no /usr/bin/chromium (apt-get install chromium)\n');
}

const total = steps.reduce((sum, step) => ({ passed: sum.passed + step.passed, failed: sum.failed + step.failed }), {
	passed: 0,
	failed: 0,
});
process.stdout.write('\n| step | passed | failed | seconds |\n|---|---:|---:|---:|\n');
for (const step of steps) process.stdout.write(`| ${step.name} | ${step.passed} | ${step.failed} | ${step.seconds} |\n`);
const summary = `${total.passed} passed, ${total.failed} failed`;
fs.writeFileSync(path.join(WORK, 'summary.txt'), `${summary}\n`);
process.stdout.write(`\n${summary}\n`);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
