'use strict';
/**
 * A person's check of the demo, automated: headless Chromium (Debian's package, driven by
 * playwright-core) logs into the demo n8n, finds the Xobito node in the nodes panel, opens the
 * example workflow's Xobito node and screenshots its fields, then runs the workflow from the
 * editor and checks that the sandbox received the contact updates.
 *
 * `node test/browser/editor.browser.js` — needs /usr/bin/chromium (apt-get install chromium).
 * Screenshots go to docs/ (used by the README). Exits 0 on success, 1 on failure.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const N8N_PORT = 5698;
const SANDBOX_PORT = 5699;
const BASE = `http://127.0.0.1:${N8N_PORT}`;
const SHOTS = path.join(ROOT, 'docs');
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
	const stop = () => {
		try {
			process.kill(-demo.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	};
	return { ready, stop };
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
	try {
		await demo.ready;
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
		await page.keyboard.press('Tab');
		await page.keyboard.type('Xobito');
		const panelEntry = page.locator('[data-test-id="node-creator-item-name"], .el-scrollbar, [class*="nodeItem"]').getByText('Xobito').first();
		await panelEntry.waitFor();
		await page.screenshot({ path: path.join(SHOTS, 'nodes-panel.png') });
		await page.keyboard.press('Escape');

		say('opening the Xobito node');
		await xobitoNode.dblclick();
		await page.getByText('Update Fields').first().waitFor();
		await page.getByText('First Name').first().waitFor();
		await page.screenshot({ path: path.join(SHOTS, 'xobito-node.png') });
		await page.keyboard.press('Escape');

		say('running the workflow from the editor');
		await fetch(`http://127.0.0.1:${SANDBOX_PORT}/__sandbox/reset`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
		await page.getByRole('button', { name: /execute workflow|test workflow/i }).first().click();
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
		say(`ok: the editor run updated contacts 42 and 43; screenshots in ${path.relative(ROOT, SHOTS)}/`);
	} finally {
		clearTimeout(watchdog);
		await browser?.close();
		demo.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`[browser] FAILED: ${error.stack ?? error}\n`);
		process.exit(1);
	},
);
