'use strict';
/**
 * A stand-in for the Xobito API on 127.0.0.1, written from Xobito's public docs
 * (../shared/xobito-api.md): Update Contact, the paginated lists of contacts, statuses, sources
 * and groups, bearer tokens with abilities, the exact documented error bodies, uniqueness of
 * phone and e-mail, a rate limit answering 429 with `retry_after`, and injectable faults.
 * No dependencies. Every request is recorded for assertions.
 *
 * Used in-process by the unit tests (`createSandbox()`), and as a separate process by the
 * end-to-end tests, the demo and the benchmark (`node test/sandbox/xobitoSandbox.js --port N`),
 * controlled there through `/__sandbox/*`. It stops by itself after `maxLifetimeMs`.
 */
const http = require('node:http');

/** Tokens handed out by the sandbox. Fake values: they only open this sandbox. */
const TOKENS = {
	/** Every ability, workspace "acme" (Version A format). */
	full: `apitk_${'5a4d'.repeat(16)}`,
	/** Every ability, workspace "acme", unprefixed 64-hex format (Version B). */
	hex: '0123456789abcdef'.repeat(4),
	/** Read-only: can list but not update. */
	readOnly: `apitk_${'0ead'.repeat(16)}`,
	/** Can update contacts but read nothing. */
	updateOnly: `apitk_${'00da'.repeat(16)}`,
	/** Every ability, workspace "globex". */
	globex: `apitk_${'610b'.repeat(16)}`,
};

const ALL_ABILITIES = [
	'contacts.create', 'contacts.read', 'contacts.update', 'contacts.delete',
	'statuses.read', 'sources.read', 'groups.read', 'templates.read', 'messages.send',
];

const TOKEN_GRANTS = {
	[TOKENS.full]: { workspace: 'acme', abilities: ALL_ABILITIES },
	[TOKENS.hex]: { workspace: 'acme', abilities: ALL_ABILITIES },
	[TOKENS.readOnly]: { workspace: 'acme', abilities: ['contacts.read', 'statuses.read', 'sources.read', 'groups.read'] },
	[TOKENS.updateOnly]: { workspace: 'acme', abilities: ['contacts.update'] },
	[TOKENS.globex]: { workspace: 'globex', abilities: ALL_ABILITIES },
};

const FIRST_NAMES = ['John', 'Maria', 'Wei', 'Aisha', 'Lucas', 'Priya', 'Omar', 'Sofia', 'Kenji', 'Amara'];
const LAST_NAMES = ['Doe', 'Silva', 'Chen', 'Khan', 'Müller', 'Patel', 'Haddad', 'Rossi', 'Tanaka', 'Okafor'];
const NOW = '2026-04-08T14:30:25.000000Z';

function seedWorkspace(tenantId, { contacts, groups }) {
	const statuses = ['New', 'Qualified', 'Won', 'Lost', 'Nurturing'].map((name, i) => ({
		id: i + 1, tenant_id: tenantId, name, color: '#3B82F6', isdefault: i === 0 ? 1 : 0, created_at: NOW, updated_at: NOW,
	}));
	const sources = ['Website', 'WhatsApp', 'Referral', 'Trade Fair'].map((name, i) => ({
		id: i + 1, tenant_id: tenantId, name, created_at: NOW, updated_at: NOW,
	}));
	const groupRows = Array.from({ length: groups }, (_, i) => ({
		id: i + 1, tenant_id: tenantId, name: i === 0 ? 'VIP' : i === 1 ? 'Newsletter' : `Group ${String(i + 1).padStart(3, '0')}`,
		created_at: NOW, updated_at: NOW,
	}));
	const contactRows = Array.from({ length: contacts }, (_, i) => ({
		id: i + 1,
		tenant_id: tenantId,
		firstname: FIRST_NAMES[i % FIRST_NAMES.length],
		lastname: LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length],
		company: null,
		type: i % 3 === 0 ? 'customer' : 'lead',
		email: `contact${i + 1}@example.com`,
		phone: `+1415555${String(i + 1).padStart(4, '0')}`,
		source_id: (i % sources.length) + 1,
		status_id: (i % statuses.length) + 1,
		country_id: null,
		assigned_id: null,
		description: null,
		group_id: [1],
		is_enabled: 1,
		is_opted_out: 0,
		created_at: NOW,
		updated_at: NOW,
	}));
	return { tenantId, statuses, sources, groups: groupRows, contacts: contactRows };
}

function seed(options = {}) {
	return {
		acme: seedWorkspace(13, { contacts: options.contacts ?? 250, groups: options.groups ?? 130 }),
		globex: seedWorkspace(14, { contacts: 12, groups: 3 }),
	};
}

const json = (status, body, headers = {}) => ({ status, body, headers });
const error = (status, message, errors) => json(status, errors === undefined ? { status: 'error', message } : { status: 'error', message, errors });

function paginate(rows, query, path) {
	const perPage = Math.min(100, Math.max(1, Number(query.get('per_page')) || 15));
	const page = Math.max(1, Number(query.get('page')) || 1);
	const lastPage = Math.max(1, Math.ceil(rows.length / perPage));
	const slice = rows.slice((page - 1) * perPage, page * perPage);
	const url = (p) => `${path}?page=${p}`;
	return {
		current_page: page, data: slice, per_page: perPage, total: rows.length, last_page: lastPage,
		first_page_url: url(1), next_page_url: page < lastPage ? url(page + 1) : null, prev_page_url: page > 1 ? url(page - 1) : null,
		from: slice.length ? (page - 1) * perPage + 1 : null, to: slice.length ? (page - 1) * perPage + slice.length : null,
		path, links: [],
	};
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const length = (value) => [...value].length;

/** Laravel-style validation of the Update Contact body, with the documented limits. */
function validateUpdate(workspace, contact, body) {
	const errors = {};
	const add = (field, message) => (errors[field] ??= []).push(message);
	const isBlank = (value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	for (const field of ['firstname', 'lastname', 'phone', 'type']) {
		if (isBlank(body[field])) add(field, `The ${field} field is required.`);
	}
	for (const [field, max] of [['firstname', 255], ['lastname', 255], ['phone', 20], ['email', 191], ['company', 255]]) {
		const value = body[field];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'string') add(field, `The ${field} field must be a string.`);
		else if (length(value) > max) add(field, `The ${field} field must not be greater than ${max} characters.`);
	}
	if (!isBlank(body.type) && !['lead', 'customer'].includes(body.type)) add('type', 'The selected type is invalid.');
	if (typeof body.email === 'string' && body.email !== '' && !EMAIL.test(body.email)) add('email', 'The email field must be a valid email address.');
	for (const [field, rows] of [['status_id', workspace.statuses], ['source_id', workspace.sources]]) {
		const value = body[field];
		if (value === undefined || value === null) continue;
		if (!Number.isInteger(value)) add(field, `The ${field.replace('_', ' ')} field must be an integer.`);
		else if (!rows.some((row) => row.id === value)) add(field, `The selected ${field.replace('_', ' ')} is invalid.`);
	}
	for (const field of ['country_id', 'assigned_id']) {
		if (body[field] !== undefined && body[field] !== null && !Number.isInteger(body[field])) add(field, `The ${field.replace('_', ' ')} field must be an integer.`);
	}
	if (body.groups !== undefined && body.groups !== null && typeof body.groups !== 'string') add('groups', 'The groups field must be a string.');
	const others = workspace.contacts.filter((row) => row.id !== contact.id);
	if (typeof body.phone === 'string' && others.some((row) => row.phone === body.phone)) add('phone', 'The phone has already been taken.');
	if (typeof body.email === 'string' && body.email !== '' && others.some((row) => row.email === body.email)) add('email', 'The email has already been taken.');
	return Object.keys(errors).length ? errors : undefined;
}

const UPDATABLE = ['firstname', 'lastname', 'phone', 'type', 'email', 'source_id', 'status_id', 'company', 'description', 'country_id', 'assigned_id'];

function applyUpdate(workspace, contact, body) {
	for (const field of UPDATABLE) {
		if (field in body) contact[field] = body[field];
	}
	if (typeof body.groups === 'string') {
		contact.group_id = body.groups
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean)
			.map((name) => {
				let group = workspace.groups.find((row) => row.name === name);
				if (!group) {
					group = { id: workspace.groups.length + 1, tenant_id: workspace.tenantId, name, created_at: NOW, updated_at: NOW };
					workspace.groups.push(group);
				}
				return group.id;
			});
	}
	contact.updated_at = new Date().toISOString().replace('Z', '000Z');
}

function createSandbox(options = {}) {
	const state = {
		workspaces: seed(options.seed),
		requests: [],
		faults: [],
		rateLimit: options.rateLimit ?? null, // { max, windowMs }
		latencyMs: options.latencyMs ?? 0,
		windows: new Map(), // token → { start, count }
		recordBodies: options.recordBodies ?? true,
		maxRecorded: options.maxRecorded ?? 100000,
	};
	const sockets = new Set();

	function rateLimited(token) {
		if (!state.rateLimit) return undefined;
		const now = Date.now();
		let window = state.windows.get(token);
		if (!window || now - window.start >= state.rateLimit.windowMs) {
			window = { start: now, count: 0 };
			state.windows.set(token, window);
		}
		window.count++;
		if (window.count <= state.rateLimit.max) return undefined;
		const retryAfter = Math.max(1, Math.ceil((window.start + state.rateLimit.windowMs - now) / 1000));
		return json(429, { message: 'Too many requests', retry_after: retryAfter });
	}

	function route(method, url, headers, body) {
		const match = /^\/api\/v1\/([^/]+)\/(contacts|statuses|sources|groups)(?:\/([^/]+))?\/?$/.exec(url.pathname);
		if (!match) return error(404, 'Not found');
		const [, subdomain, resource, id] = match;
		const workspace = state.workspaces[subdomain];
		if (!workspace) return error(400, 'Validation failed', 'Invalid tenant subdomain');
		const auth = headers.authorization;
		if (!auth || !/^Bearer\s+\S/.test(auth)) return error(401, 'API token is required');
		const token = auth.replace(/^Bearer\s+/, '');
		const grant = TOKEN_GRANTS[token];
		if (!grant || grant.workspace !== subdomain) return error(401, 'Invalid API token');
		const limited = rateLimited(token);
		if (limited) return limited;

		if (method === 'GET' && !id) {
			const ability = `${resource}.read`;
			if (!grant.abilities.includes(ability)) return error(403, `Token does not have the required ability: ${ability}`);
			return json(200, { status: 'success', data: paginate(workspace[resource], url.searchParams, `${url.origin ?? ''}${url.pathname}`) });
		}
		if (method === 'PUT' && resource === 'contacts' && id) {
			if (!grant.abilities.includes('contacts.update')) return error(403, 'Token does not have the required ability: contacts.update');
			const contact = /^\d+$/.test(id) ? workspace.contacts.find((row) => row.id === Number(id)) : undefined;
			if (!contact) return error(404, 'Contact not found');
			if (body === undefined) return error(422, 'Validation failed', { firstname: ['The firstname field is required.'] });
			const errors = validateUpdate(workspace, contact, body);
			if (errors) return error(422, 'Validation failed', errors);
			applyUpdate(workspace, contact, body);
			const { id: contactId, tenant_id, firstname, lastname, phone, email, type, source_id, status_id, updated_at } = contact;
			return json(200, {
				status: 'success',
				message: 'Contact updated successfully',
				data: { id: contactId, tenant_id, firstname, lastname, phone, email, type, source_id, status_id, updated_at },
			});
		}
		return error(404, 'Not found');
	}

	/** The first queued fault matching this request, consumed. */
	function takeFault(method, pathname) {
		const index = state.faults.findIndex(
			(fault) => (!fault.method || fault.method === method) && (!fault.path || new RegExp(fault.path).test(pathname)),
		);
		if (index < 0) return undefined;
		const fault = state.faults[index];
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) state.faults.splice(index, 1);
		return fault;
	}

	function control(method, pathname, body) {
		if (pathname === '/__sandbox/requests' && method === 'GET') return json(200, state.requests);
		if (pathname === '/__sandbox/reset' && method === 'POST') {
			state.workspaces = seed(options.seed);
			state.requests = [];
			state.faults = [];
			state.windows.clear();
			state.rateLimit = body?.rateLimit ?? null;
			state.latencyMs = body?.latencyMs ?? 0;
			state.recordBodies = body?.recordBodies ?? true;
			return json(200, { ok: true });
		}
		if (pathname === '/__sandbox/faults' && method === 'POST') {
			state.faults.push(...(Array.isArray(body) ? body : [body]));
			return json(200, { queued: state.faults.length });
		}
		if (pathname === '/__sandbox/contacts' && method === 'GET') return json(200, state.workspaces.acme.contacts);
		return json(404, { message: 'Unknown sandbox control' });
	}

	function send(res, { status, body, headers }) {
		const text = JSON.stringify(body);
		res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
		res.end(text);
	}

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch {
				body = undefined;
			}
			const url = new URL(req.url, `http://${req.headers.host ?? '127.0.0.1'}`);
			if (url.pathname.startsWith('/__sandbox/')) return send(res, control(req.method, url.pathname, body));

			const record = {
				at: Date.now(),
				method: req.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				...(state.recordBodies ? { rawBody: raw, body } : {}),
			};
			if (state.requests.length < state.maxRecorded) state.requests.push(record);
			// The status answered, for counting 429s and successes (unset when the connection is dropped or hangs).
			res.on('finish', () => (record.status = res.statusCode));
			const respond = () => {
				const fault = takeFault(req.method, url.pathname);
				if (fault) {
					switch (fault.kind) {
						case 'drop':
							return req.socket.destroy();
						case 'hang':
							return undefined; // never answers; the client's timeout must end it
						case 'html':
							res.writeHead(fault.status ?? 502, { 'Content-Type': 'text/html' });
							return res.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
						case 'malformedJson':
							res.writeHead(fault.status ?? 200, { 'Content-Type': 'application/json' });
							return res.end('{"status":"success","data":{"id":');
						case 'noData':
							return send(res, json(200, { status: 'success', message: 'Contact updated successfully' }));
						case 'status':
							return send(res, json(fault.status, fault.body ?? { status: 'error', message: 'Failed to update contact' }, fault.headers));
						default:
							break;
					}
				}
				return send(res, route(req.method, url, req.headers, body));
			};
			if (state.latencyMs > 0) setTimeout(respond, state.latencyMs);
			else respond();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	let lifetime;
	const close = () =>
		new Promise((resolve) => {
			clearTimeout(lifetime);
			for (const socket of sockets) socket.destroy();
			server.close(() => resolve());
		});

	const listening = new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});

	return listening.then(() => {
		const { port } = server.address();
		// Never outlive its run, even if whoever started it forgets to stop it.
		lifetime = setTimeout(close, options.maxLifetimeMs ?? 30 * 60 * 1000);
		lifetime.unref();
		return {
			url: `http://127.0.0.1:${port}`,
			port,
			state,
			get requests() {
				return state.requests;
			},
			injectFaults: (...faults) => state.faults.push(...faults),
			close,
		};
	});
}

module.exports = { createSandbox, TOKENS };

if (require.main === module) {
	const arg = (name, fallback) => {
		const index = process.argv.indexOf(`--${name}`);
		return index > 0 ? process.argv[index + 1] : fallback;
	};
	const maxLifetimeMs = Number(arg('max-lifetime-s', 3600)) * 1000;
	createSandbox({ port: Number(arg('port', 8080)), maxLifetimeMs }).then((sandbox) => {
		process.stdout.write(`Xobito sandbox listening on ${sandbox.url} (stops by itself after ${maxLifetimeMs / 1000} s)\n`);
		const stop = () => sandbox.close().then(() => process.exit(0));
		process.on('SIGTERM', stop);
		process.on('SIGINT', stop);
		setTimeout(() => process.exit(0), maxLifetimeMs + 1000).unref();
	});
}
