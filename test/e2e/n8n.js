'use strict';
/**
 * Drives a real n8n from the command line, the way users install community packages: the
 * package's `npm pack` tarball unpacked into `<user folder>/.n8n/nodes/node_modules/`, a
 * credential and workflows imported, each workflow run with `n8n execute`. Every run gets a
 * fresh user folder and keeps n8n on 127.0.0.1 with telemetry off.
 */
const { execFile, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const WORK = path.join(ROOT, '.e2e-work');

/** Builds the package and packs it; returns the tarball path (once per process). */
let tarball;
function packedPackage() {
	if (tarball) return tarball;
	fs.mkdirSync(WORK, { recursive: true });
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', WORK], { cwd: ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	tarball = path.join(WORK, name);
	return tarball;
}

let portSeed = 20000 + (process.pid % 5000) * 2;

class N8n {
	/**
	 * @param runtime one of ./runtimes.js `runtime()`
	 * @param userFolder where n8n keeps its database and packages; a fresh temporary folder by default
	 */
	constructor(runtime, userFolder) {
		this.runtime = runtime;
		if (userFolder) {
			fs.rmSync(userFolder, { recursive: true, force: true });
			fs.mkdirSync(userFolder, { recursive: true });
		}
		this.userFolder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `xobito-${runtime.name}-`));
		this.env = {
			PATH: runtime.env.PATH ?? process.env.PATH,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'xobito-e2e-test-encryption-key',
			N8N_LOG_LEVEL: 'info',
			DB_TYPE: 'sqlite',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			...(runtime.major >= 2
				? { N8N_DISABLED_MODULES: 'mcp-registry', N8N_RUNNERS_BROKER_PORT: String(portSeed++) }
				: { N8N_RUNNERS_ENABLED: 'false' }),
		};
	}

	/** Unpacks the package tarball where n8n looks for installed community packages. */
	installPackage(tarballPath = packedPackage()) {
		const target = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-xobito');
		fs.mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', tarballPath, '-C', target, '--strip-components=1']);
		return this;
	}

	/** Runs one n8n CLI command; resolves with its exit code and output (never rejects on exit code). */
	cli(args, { timeoutMs = 300_000 } = {}) {
		return new Promise((resolve) => {
			const started = Date.now();
			// `node` is looked up on this.env.PATH: Node 24 first for n8n 2.x.
			execFile(
				'node',
				[this.runtime.cli, ...args],
				{ env: this.env, cwd: this.userFolder, timeout: timeoutMs, maxBuffer: 512 * 1024 * 1024 },
				(error, stdout, stderr) =>
					resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr, ms: Date.now() - started }),
			);
		});
	}

	async importJson(kind, data) {
		const file = path.join(this.userFolder, `${kind}-${Date.now()}-${Math.random().toString(16).slice(2)}.json`);
		fs.writeFileSync(file, JSON.stringify(data));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	importCredentials(credentials) {
		return this.importJson('credentials', credentials);
	}

	importWorkflow(workflow) {
		return this.importJson('workflow', workflow);
	}

	/** `n8n execute --id` and the run data it prints (data.resultData), or undefined if none was printed. */
	async execute(workflowId) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return { ...result, run: extractRun(result.stdout) };
	}

	cleanup() {
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** The run JSON in n8n's output: the top-level `{…}` block that holds `data.resultData`. */
function extractRun(stdout) {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!lines[start].startsWith('{')) continue;
		for (let end = lines.length; end > start; end--) {
			if (!lines[end - 1].startsWith('}')) continue;
			try {
				const parsed = JSON.parse(lines.slice(start, end).join('\n'));
				if (parsed?.data?.resultData) return parsed;
			} catch {
				// not this block
			}
		}
	}
	return undefined;
}

/** Items a node put on each of its outputs in the run: `[[...success], [...error]]`. */
function nodeOutputs(run, nodeName) {
	return run?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main ?? [];
}

module.exports = { N8n, packedPackage, extractRun, nodeOutputs, ROOT, WORK };
