'use strict';
/**
 * `npm run demo`: try the node without a Xobito account. Installs what it needs, builds and packs
 * the package, starts the Xobito sandbox and a real n8n 2.41.1 (Node 24) on 127.0.0.1:5678 with
 * the package installed, a credential pointing at the sandbox and the example workflow imported,
 * then prints the URL and the login. Ctrl+C stops both.
 *
 * Flags: --port N (n8n, default 5678), --sandbox-port N (default 5679), --exit-when-ready (for
 * automated checks: start, print, stop).
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const flag = (name, fallback) => {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? process.argv[index + 1] : fallback;
};
const N8N_PORT = Number(flag('port', 5678));
const SANDBOX_PORT = Number(flag('sandbox-port', 5679));
const EXIT_WHEN_READY = process.argv.includes('--exit-when-ready');
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'XobitoDemo1' };

const say = (message) => process.stdout.write(`[demo] ${message}\n`);

function ensureDependencies() {
	if (fs.existsSync(path.join(ROOT, 'node_modules', '.bin', 'n8n-node'))) return;
	say('installing the project toolchain (npm ci)…');
	execFileSync('npm', ['ci', '--ignore-scripts', '--fetch-retries=5', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

async function waitFor(url, { timeoutMs = 120_000, ok = (status) => status < 500 } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (ok(response.status)) return response;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main() {
	ensureDependencies();
	const { runtime } = require('../test/e2e/runtimes');
	const { N8n, packedPackage } = require('../test/e2e/n8n');
	const { credential } = require('../test/e2e/workflows');
	const { TOKENS } = require('../test/sandbox/xobitoSandbox');

	say('building and packing the package…');
	const tarball = packedPackage();
	const n8nRuntime = runtime('n8n2');

	const sandbox = spawn('node', [path.join(ROOT, 'test/sandbox/xobitoSandbox.js'), '--port', String(SANDBOX_PORT), '--max-lifetime-s', String(12 * 3600)], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
	await waitFor(`${sandboxUrl}/__sandbox/requests`);

	// One demo folder per port, started afresh on every run (its n8n.log stays after Ctrl+C). It is
	// outside the repository: n8n caches its editor's assets there, which lint must not crawl.
	const n8n = new N8n(n8nRuntime, path.join(os.tmpdir(), `n8n-nodes-xobito-demo-${N8N_PORT}`)).installPackage(tarball);
	say(`n8n user folder: ${n8n.userFolder}`);
	await n8n.importCredentials(credential({ baseUrl: sandboxUrl, apiToken: TOKENS.full }));
	await n8n.importWorkflow(JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/update-contacts.workflow.json'), 'utf8')));

	const server = spawn('node', [n8nRuntime.cli, 'start'], {
		env: { ...n8n.env, N8N_PORT: String(N8N_PORT), N8N_HOST: '127.0.0.1', WEBHOOK_URL: `http://127.0.0.1:${N8N_PORT}/`, N8N_SECURE_COOKIE: 'false' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const logFile = fs.createWriteStream(path.join(n8n.userFolder, 'n8n.log'));
	server.stdout.pipe(logFile);
	server.stderr.pipe(logFile);
	const stop = () => {
		server.kill('SIGTERM');
		sandbox.kill('SIGTERM');
		// n8n may take a while to shut down; never leave it behind holding the port.
		setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
	};
	const stopAndExit = () => {
		stop();
		server.once('exit', () => process.exit(0));
		setTimeout(() => process.exit(0), 11_000).unref();
	};
	process.on('SIGINT', stopAndExit);
	process.on('SIGTERM', stopAndExit);
	server.on('exit', (code) => {
		if (!EXIT_WHEN_READY) say(`n8n exited (${code}); its log is in ${path.join(n8n.userFolder, 'n8n.log')}`);
		sandbox.kill('SIGTERM');
	});

	const base = `http://127.0.0.1:${N8N_PORT}`;
	await waitFor(`${base}/healthz/readiness`, { ok: (status) => status === 200 });
	// A fresh n8n asks for an owner account first; create one so the login below just works.
	const setup = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!setup.ok) say(`owner setup answered ${setup.status}; create the account in the browser instead`);

	say('');
	say(`n8n is running at ${base}  (n8n 2.41.1 with n8n-nodes-xobito installed)`);
	say(`log in with ${OWNER.email} / ${OWNER.password}`);
	say(`open the workflow "Xobito: update contacts and route failures" and click "Execute workflow":`);
	say(`it updates contacts 42 and 43 in the sandbox and routes the unknown contact 9999 to "Contact Not Found".`);
	say(`Xobito sandbox: ${sandboxUrl} (workspace "acme"; requests it received: ${sandboxUrl}/__sandbox/requests)`);
	say('Ctrl+C stops n8n and the sandbox.');
	if (EXIT_WHEN_READY) stopAndExit();
}

main().catch((error) => {
	process.stderr.write(`[demo] ${error.stack ?? error}\n`);
	process.exit(1);
});
