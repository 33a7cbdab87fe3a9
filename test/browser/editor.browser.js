'use strict';
/**
 * A person's check of the demo, automated: headless Chromium (Debian's package, driven by
 * playwright-core) logs into the demo n8n, finds the Xobito node in the nodes panel, opens the
 * example workflow's Xobito node and screenshots its fields, then runs the workflow from the
 * editor and checks that the sandbox received the contact updates. Then it runs the
 * credential test through the running n8n (the endpoint behind the credential's Test button)
 * for each outcome: working, wrong token, unknown workspace, unreachable server, update-only token.
 *
 * `node test/browser/editor.browser.js [--update-docs]` — needs /usr/bin/chromium (apt-get
 * install chromium). Screenshots go to .e2e-work/screenshots/, or with --update-docs to .github/assets/
 * (the README's pictures; a dot folder, so `n8n-node build` does not copy them into the package). Exits 0 on success, 1 on failure.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const N8N_PORT = 5698;
const SANDBOX_PORT = 5699;
const BASE = `http://127.0.0.1:${N8N_PORT}`;
const SHOTS = process.argv.includes('--update-docs') ? path.join(ROOT, '.github', 'assets') : path.join(ROOT, '.e2e-work', 'screenshots');
const DEADLINE_MS = 8 * 60 * 1000;

const say = (message) => process.stdout.write(`[browser] ${message}\n`);

function startDemo() {
	const demo = spawn('node', [path.join(ROOT, 'scripts/demo.js'), '--port', String(N8N_PORT), '--sandbox-port', String(SANDBOX_PORT)], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
		detached: true,
	});
	const ready = new Promise((resolve, reject) => {
		let output = '';
		demo.stdout.on('data', (chunk) => {
			output += chunk;
			process.stdout.write(chunk);
			if (output.includes('Ctrl+C stops')) resolve();
		});
		demo.on('exit', (code) => reject(new Error(`demo exited early (${code})`)));
	});
	const signal = (name) => {
		try {
			process.kill(-demo.pid, name);
		} catch {
			// already gone
		}
	};
	const stop = () =>
		new Promise((resolve) => {
			signal('SIGTERM');
			// The demo stops n8n and the sandbox; make sure nothing of its group outlives this check.
			setTimeout(() => {
				signal('SIGKILL');
				resolve();
			}, 12_000);
		});
	return { ready, stop };
}

/** The credential test's outcomes, through the running n8n's own endpoint for the Test button. */
async function checkCredentialTests() {
	const { TOKENS } = require('../sandbox/xobitoSandbox');
	// A session of its own; n8n ties the auth cookie to the browser-id header sent at login.
	const headers = { 'Content-Type': 'application/json', 'browser-id': 'xobito-check' };
	const login = await fetch(`${BASE}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: 'demo@example.com', password: 'XobitoDemo1' }),
	});
	headers.cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
	const cases = [
		[{ apiToken: TOKENS.full, subdomain: 'acme', baseUrl: sandboxUrl }, 'OK', /^Connected to Xobito workspace "acme"$/],
		[{ apiToken: 'apitk_wrong', subdomain: 'acme', baseUrl: sandboxUrl }, 'Error', /^Invalid API token\. /],
		[{ apiToken: TOKENS.full, subdomain: 'nosuch', baseUrl: sandboxUrl }, 'Error', /^Invalid tenant subdomain\. No Xobito workspace is called "nosuch"/],
		[{ apiToken: TOKENS.full, subdomain: 'acme', baseUrl: 'http://127.0.0.1:9' }, 'Error', /^Could not reach Xobito at http:\/\/127\.0\.0\.1:9\. Nothing accepted the connection/],
		[{ apiToken: TOKENS.updateOnly, subdomain: 'acme', baseUrl: sandboxUrl }, 'OK', /lacks "contacts\.read", which the test uses but updating contacts does not need/],
	];
	for (const [data, status, message] of cases) {
		const response = await fetch(`${BASE}/rest/credentials/test`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ credentials: { id: 'xobitoSandbox01', name: 'Xobito sandbox', type: 'xobitoApi', data } }),
		});
		const result = (await response.json()).data;
		if (result?.status !== status || !message.test(result.message)) {
			throw new Error(`credential test for ${JSON.stringify({ ...data, apiToken: '…' })}: ${JSON.stringify(result)}`);
		}
		if (JSON.stringify(result).includes(data.apiToken)) throw new Error('the credential test echoed the token');
	}
}

async function main() {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium`);
	const { chromium } = require('playwright-core');
	fs.mkdirSync(SHOTS, { recursive: true });
	const demo = startDemo();
	const watchdog = setTimeout(() => {
		say('deadline reached');
		demo.stop();
		process.exit(1);
	}, DEADLINE_MS);
	let browser;
	let page;
	try {
		await demo.ready;
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(60_000);

		say('signing in');
		await page.goto(`${BASE}/signin`);
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill('demo@example.com');
		await page.locator('input[type="password"]').first().fill('XobitoDemo1');
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

		say('opening the example workflow');
		await page.goto(`${BASE}/workflow/xobitoExample001`);
		const xobitoNode = page.getByText('Update Contact', { exact: true }).first();
		await xobitoNode.waitFor();
		await page.screenshot({ path: path.join(SHOTS, 'example-workflow.png') });

		say('finding Xobito in the nodes panel');
		const plus = page.locator('[data-test-id="node-creator-plus-button"]');
		if (await plus.count()) await plus.first().click();
		else await page.keyboard.press('Tab');
		const creator = page.locator('[data-test-id="node-creator"]');
		await creator.waitFor();
		await page.keyboard.type('Xobito');
		await creator.getByText('Xobito', { exact: true }).first().waitFor();
		await page.waitForTimeout(500);
		await page.screenshot({ path: path.join(SHOTS, 'nodes-panel.png') });
		await page.keyboard.press('Escape');
		await creator.waitFor({ state: 'hidden' }).catch(() => page.mouse.click(300, 700));

		say('opening the Xobito node');
		// The node body sits just above its label on the canvas.
		const label = await xobitoNode.boundingBox();
		await page.mouse.dblclick(label.x + label.width / 2, label.y - 50);
		await page.getByText('Update Fields').first().waitFor();
		await page.getByText('First Name').first().waitFor();
		await page.screenshot({ path: path.join(SHOTS, 'xobito-node.png') });
		const updateFields = page.getByText('Update Fields').first();
		await page.keyboard.press('Escape');
		await updateFields.waitFor({ state: 'hidden', timeout: 5000 }).catch(async () => {
			// Fall back to the dialog's close button (top right).
			await page.mouse.click(1395, 45);
			await updateFields.waitFor({ state: 'hidden' });
		});

		say('running the workflow from the editor');
		await fetch(`http://127.0.0.1:${SANDBOX_PORT}/__sandbox/reset`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
		await page.locator('[data-test-id="execute-workflow-button"]').or(page.getByText(/^(Execute|Test) workflow$/)).first().dispatchEvent('click');
		let puts = [];
		for (let i = 0; i < 60 && puts.length < 3; i++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			const requests = await (await fetch(`http://127.0.0.1:${SANDBOX_PORT}/__sandbox/requests`)).json();
			puts = requests.filter((request) => request.method === 'PUT');
		}
		const paths = puts.map((request) => request.path).join(', ');
		if (paths !== '/api/v1/acme/contacts/42, /api/v1/acme/contacts/43, /api/v1/acme/contacts/9999') {
			throw new Error(`the sandbox received: ${paths || 'nothing'}`);
		}
		await page.waitForTimeout(1500);
		await page.screenshot({ path: path.join(SHOTS, 'example-run.png') });
		say('testing credentials the way the Test button does (POST /rest/credentials/test)');
		await checkCredentialTests();
		say(`ok: the editor run updated contacts 42 and 43; screenshots in ${path.relative(ROOT, SHOTS)}/`);
	} catch (error) {
		const shot = path.join(ROOT, '.e2e-work', 'browser-failure.png');
		await page?.screenshot({ path: shot }).catch(() => {});
		say(`screenshot of the failure: ${path.relative(ROOT, shot)}`);
		throw error;
	} finally {
		clearTimeout(watchdog);
		await browser?.close();
		await demo.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`[browser] FAILED: ${error.stack ?? error}\n`);
		process.exit(1);
	},
);
