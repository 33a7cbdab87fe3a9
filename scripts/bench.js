'use strict';
/**
 * `npm run bench`: the Xobito node against n8n's HTTP Request node doing the same PUT, inside a
 * real n8n 2.41.1 (Node 24), against the Xobito sandbox on 127.0.0.1. Prints markdown tables and
 * writes docs/bench.md and .github/assets/bench.svg (images live in a dot folder: `n8n-node build`
 * copies every png/svg outside dot folders into dist/, and so into the package). Not a test: run it on demand; compare ratios within
 * one run (the machines are shared and noisy).
 *
 *   1. Under a rate limit (sandbox: 10 requests per 2 s per token): wall time against the floor
 *      the limit allows, items lost, 429s provoked, duplicate sends.
 *   2. Unthrottled (3 ms sandbox latency), 1,000 and 10,000 items: per-item time and peak memory
 *      (RSS) of the n8n process; Xobito node at concurrency 1, 4 and 8.
 *
 * Flags: --quick (50 items under the limit, 1,000 unthrottled only).
 */
const fs = require('node:fs');
const path = require('node:path');

const { runtime } = require('../test/e2e/runtimes');
const { N8n, nodeOutputs, ROOT } = require('../test/e2e/n8n');
const { credential, updateWorkflow } = require('../test/e2e/workflows');
const { createSandbox, TOKENS } = require('../test/sandbox/xobitoSandbox');

const QUICK = process.argv.includes('--quick');
const LIMIT = { max: 10, windowMs: 2000 };
const say = (message) => process.stderr.write(`[bench] ${message}\n`);

const CONTACTS = 250; // the sandbox's seeded contacts; larger runs cycle through them
const rows = (count) =>
	Array.from({ length: count }, (_, i) => {
		const id = (i % CONTACTS) + 1;
		return { id, phone: `+1415555${String(id).padStart(4, '0')}`, statusId: (i % 5) + 1 };
	});

const xobitoParameters = (options = {}) => ({
	contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	firstName: 'John',
	lastName: 'Doe',
	phone: '={{ $json.phone }}',
	type: 'customer',
	updateFields: { statusId: '={{ $json.statusId }}' },
	options,
});

/** The same PUT, as a user would build it with the HTTP Request node. */
function httpRequestNode(sandboxUrl, settings = {}) {
	return {
		id: 'n-http',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [600, 200],
		parameters: {
			method: 'PUT',
			url: `=${sandboxUrl}/api/v1/acme/contacts/{{ $json.id }}`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Authorization', value: `Bearer ${TOKENS.full}` },
					{ name: 'Accept', value: 'application/json' },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ JSON.stringify({ firstname: "John", lastname: "Doe", phone: $json.phone, type: "customer", status_id: $json.statusId }) }}',
			options: {},
		},
		...settings,
	};
}

/** A workflow of the rows into one node under test (Xobito, or HTTP Request when `http` is given). */
function benchWorkflow({ count, options, http }) {
	const workflow = updateWorkflow({ name: 'bench', rows: rows(count), parameters: xobitoParameters(options) });
	if (http) {
		workflow.nodes = workflow.nodes.filter((node) => node.name !== 'Xobito');
		workflow.nodes.push(http);
		workflow.connections['Split Rows'].main[0][0].node = 'HTTP Request';
	}
	return workflow;
}

/** Runs a workflow, sampling the n8n process's resident memory; returns what the sandbox saw. */
async function measure(n8n, sandbox, workflow, nodeName) {
	await n8n.importWorkflow(workflow);
	sandbox.requests.splice(0);
	let peakRss = 0;
	const sampler = setInterval(() => {
		for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
			try {
				const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
				if (!cmdline.includes(n8n.runtime.cli) || !cmdline.includes(workflow.id)) continue;
				const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
				peakRss = Math.max(peakRss, rss);
			} catch {
				// the process ended
			}
		}
	}, 100);
	const result = await n8n.execute(workflow.id);
	clearInterval(sampler);
	const puts = sandbox.requests.filter((request) => request.method === 'PUT');
	const okIds = puts.filter((request) => request.status === 200).map((request) => request.path);
	const taskData = result.run?.data?.resultData?.runData?.[nodeName]?.[0];
	return {
		exitCode: result.code,
		sent: puts.length,
		rateLimited: puts.filter((request) => request.status === 429).length,
		succeeded: okIds.length,
		distinctSucceeded: new Set(okIds).size,
		outputItems: (nodeOutputs(result.run, nodeName)[0] ?? []).filter((item) => !item.json.error).length,
		wallMs: puts.length ? puts[puts.length - 1].at - puts[0].at : 0,
		nodeMs: taskData?.executionTime ?? 0,
		peakRssMb: Math.round(peakRss / 1024),
	};
}

function table(headers, lines) {
	return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...lines.map((line) => `| ${line.join(' | ')} |`)].join('\n');
}

function barChart(title, bars, unit) {
	const width = 840;
	const barHeight = 26;
	const left = 420;
	const max = Math.max(...bars.map((bar) => bar.value), 1);
	const height = 50 + bars.length * (barHeight + 10);
	const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
	const rects = bars
		.map((bar, i) => {
			const y = 40 + i * (barHeight + 10);
			const w = Math.max(2, ((width - left - 90) * bar.value) / max);
			return `<text x="${left - 10}" y="${y + 18}" text-anchor="end" font-size="13">${escape(bar.label)}</text>` +
				`<rect x="${left}" y="${y}" width="${w}" height="${barHeight}" fill="${bar.color ?? '#128C7E'}"/>` +
				`<text x="${left + w + 6}" y="${y + 18}" font-size="13">${escape(bar.value)} ${unit}</text>`;
		})
		.join('\n');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">` +
		`<rect width="100%" height="100%" fill="#fff"/><text x="10" y="24" font-size="15" font-weight="bold">${escape(title)}</text>\n${rects}</svg>`;
}

async function main() {
	const n8nRuntime = runtime('n8n2');
	const sandbox = await createSandbox({ maxLifetimeMs: 60 * 60 * 1000 });
	sandbox.state.recordBodies = false;
	const n8n = new N8n(n8nRuntime).installPackage();
	await n8n.importCredentials(credential({ baseUrl: sandbox.url, apiToken: TOKENS.full }));
	const http = (settings) => httpRequestNode(sandbox.url, settings);
	const report = [];
	const chartBars = [];

	// 1. Under a rate limit
	const limitedCount = QUICK ? 50 : 100;
	const floorMs = (Math.ceil(limitedCount / LIMIT.max) - 1) * LIMIT.windowMs;
	sandbox.state.rateLimit = LIMIT;
	const limitedRuns = [
		['Xobito node (defaults)', benchWorkflow({ count: limitedCount, options: {} }), 'Xobito'],
		['Xobito node, Requests per Minute 300', benchWorkflow({ count: limitedCount, options: { requestsPerMinute: 300 } }), 'Xobito'],
		['HTTP Request node (defaults)', benchWorkflow({ count: limitedCount, http: http() }), 'HTTP Request'],
		['HTTP Request node, Retry On Fail (5 tries, 5 s)', benchWorkflow({ count: limitedCount, http: http({ retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 }) }), 'HTTP Request'],
	];
	const limitedLines = [];
	for (const [label, workflow, nodeName] of limitedRuns) {
		sandbox.state.windows.clear();
		say(`rate limit: ${label}`);
		const m = await measure(n8n, sandbox, workflow, nodeName);
		const lost = limitedCount - m.distinctSucceeded;
		limitedLines.push([
			label,
			(m.wallMs / 1000).toFixed(1),
			(m.wallMs / floorMs).toFixed(2),
			lost,
			m.rateLimited,
			m.succeeded - m.distinctSucceeded,
			m.exitCode === 0 ? 'success' : 'failed',
		]);
		chartBars.push({ label, value: Number((m.wallMs / 1000).toFixed(1)), color: nodeName === 'Xobito' ? '#128C7E' : '#9aa5b1', lost });
	}
	sandbox.state.rateLimit = null;
	report.push(
		`### 1. Under a rate limit: ${limitedCount} items, sandbox limit ${LIMIT.max} requests per ${LIMIT.windowMs / 1000} s (floor ${(floorMs / 1000).toFixed(0)} s)`,
		table(['run', 'wall s', '× floor', 'items lost', '429s provoked', 'duplicate sends', 'workflow'], limitedLines),
	);

	// 2. Unthrottled
	sandbox.state.latencyMs = 3;
	const sizes = QUICK ? [1000] : [1000, 10000];
	const unthrottledLines = [];
	for (const count of sizes) {
		const runs = [
			['Xobito node, concurrency 1', benchWorkflow({ count, options: {} }), 'Xobito'],
			['Xobito node, concurrency 4', benchWorkflow({ count, options: { concurrency: 4 } }), 'Xobito'],
			['Xobito node, concurrency 8', benchWorkflow({ count, options: { concurrency: 8 } }), 'Xobito'],
			['HTTP Request node (defaults)', benchWorkflow({ count, http: http() }), 'HTTP Request'],
		];
		for (const [label, workflow, nodeName] of runs) {
			say(`unthrottled ${count}: ${label}`);
			const m = await measure(n8n, sandbox, workflow, nodeName);
			unthrottledLines.push([
				count.toLocaleString('en-US'),
				label,
				(m.nodeMs / count).toFixed(2),
				(m.nodeMs / 1000).toFixed(1),
				m.peakRssMb,
				count - m.outputItems,
			]);
		}
	}
	report.push(
		`### 2. Unthrottled (sandbox latency 3 ms)`,
		table(['items', 'run', 'ms per item (node time)', 'node s', 'peak RSS of n8n (MB)', 'items lost'], unthrottledLines),
	);

	const machine = `${require('node:os').cpus().length} cores, ${Math.round(require('node:os').totalmem() / 2 ** 30)} GiB, ${n8nRuntime.label}, ${new Date().toISOString().slice(0, 10)}`;
	const markdown = [`## Benchmark (${machine})`, ...report].join('\n\n');
	process.stdout.write(`${markdown}\n`);
	fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
	fs.writeFileSync(path.join(ROOT, 'docs', 'bench.md'), `${markdown}\n`);
	fs.writeFileSync(
		path.join(ROOT, '.github', 'assets', 'bench.svg'),
		barChart(
			`${limitedCount} contact updates under a ${LIMIT.max} per ${LIMIT.windowMs / 1000} s limit (floor ${floorMs / 1000} s)`,
			chartBars.map((bar) => ({ ...bar, label: `${bar.label}${bar.lost ? ` (${bar.lost} lost)` : ''}` })),
			's',
		),
	);
	n8n.cleanup();
	await sandbox.close();
}

main().catch((error) => {
	process.stderr.write(`[bench] ${error.stack ?? error}\n`);
	process.exit(1);
});
