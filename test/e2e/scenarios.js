'use strict';
/**
 * End-to-end scenarios, run once per n8n build (see n8n2.e2e.test.js / n8n1.e2e.test.js): the
 * package installed from its tarball into a real n8n, workflows executed with `n8n execute`,
 * against the Xobito sandbox on 127.0.0.1. Each test asserts both sides: what the sandbox
 * received and what n8n produced.
 */
const { N8n, nodeOutputs } = require('./n8n');
const { runtime } = require('./runtimes');
const { credential, updateWorkflow } = require('./workflows');
const { createSandbox, TOKENS } = require('../sandbox/xobitoSandbox');

const EXAMPLE = require('../../examples/update-contacts.workflow.json');

const byId = (value) => ({ __rl: true, mode: 'id', value });
const required = {
	firstName: '={{ $json.first ?? "John" }}',
	lastName: '={{ $json.last ?? "Doe" }}',
	phone: '={{ $json.phone }}',
	type: 'customer',
};
const mappedContact = { contactId: byId('={{ $json.id }}'), ...required };
const phoneOf = (id) => `+1415555${String(id).padStart(4, '0')}`;
const rowsFor = (...ids) => ids.map((id) => ({ id, phone: phoneOf(id) }));

function defineScenarios(runtimeName) {
	const WORKFLOWS = {
		documented: updateWorkflow({
			name: 'Documented example',
			rows: [{}],
			parameters: {
				contactId: byId('42'),
				firstName: 'John',
				lastName: 'Doe',
				phone: '+14155550042',
				type: 'customer',
				updateFields: { statusId: 3 },
			},
		}),
		allFields: updateWorkflow({
			name: 'All fields',
			rows: [{ id: 7, phone: '+14155550007', first: 'Ada', last: 'Lovelace' }],
			parameters: {
				...mappedContact,
				type: 'lead',
				updateFields: {
					email: 'ada@example.com',
					sourceId: 2,
					statusId: '={{ 5 }}',
					company: 'Analytical Engines',
					description: 'Met at the fair',
					countryId: 44,
					assignedId: 9,
					groups: ['VIP', 'Newsletter'],
					newGroups: 'Trade Fair 2026',
				},
			},
		}),
		mixedRouted: updateWorkflow({
			name: 'Mixed batch routed by status',
			// 1 ok · 999 unknown (404) · 3 bad e-mail (refused by the node) · 4 phone of contact 5 (422) · 6 ok
			rows: [
				{ id: 1, phone: phoneOf(1), email: 'one@example.com' },
				{ id: 999, phone: phoneOf(999), email: 'x@example.com' },
				{ id: 3, phone: phoneOf(3), email: 'not-an-email' },
				{ id: 4, phone: phoneOf(5), email: 'four@example.com' },
				{ id: 6, phone: phoneOf(6), email: 'six@example.com' },
			],
			parameters: { ...mappedContact, updateFields: { email: '={{ $json.email }}' } },
			onError: 'continueErrorOutput',
			routeErrors: true,
		}),
		mixedRegular: null,
		mixedStop: null,
		badInput: updateWorkflow({
			name: 'Bad input',
			rows: [{ id: 1, phone: '+1234567890123456789012' }],
			parameters: mappedContact,
		}),
		rateLimited: updateWorkflow({ name: 'Rate limited', rows: rowsFor(8, 9), parameters: mappedContact }),
		faults: {},
	};
	const mixed = WORKFLOWS.mixedRouted;
	WORKFLOWS.mixedRegular = updateWorkflow({ name: 'Mixed regular', rows: JSON.parse(mixed.nodes[1].parameters.jsonOutput).rows, parameters: mixed.nodes[3].parameters, onError: 'continueRegularOutput' });
	WORKFLOWS.mixedStop = updateWorkflow({ name: 'Mixed stop', rows: JSON.parse(mixed.nodes[1].parameters.jsonOutput).rows, parameters: mixed.nodes[3].parameters });
	// One row per fault: 11 HTML 502 (always) · 12 dropped once · 13 hangs once · 14 broken JSON · 15 no data · 16 500 once · 17 fine
	const faultRows = rowsFor(11, 12, 13, 14, 15, 16, 17);
	for (const onError of ['continueErrorOutput', 'continueRegularOutput', 'stopWorkflow']) {
		WORKFLOWS.faults[onError] = updateWorkflow({
			name: `Faults ${onError}`,
			rows: faultRows,
			parameters: { ...mappedContact, options: { maxRetries: 2, timeout: 1500 } },
			onError: onError === 'stopWorkflow' ? undefined : onError,
		});
	}
	const injectFaults = (sandbox) =>
		sandbox.injectFaults(
			{ path: '/contacts/11$', kind: 'html', status: 502, times: 100 },
			{ path: '/contacts/12$', kind: 'drop', times: 1 },
			{ path: '/contacts/13$', kind: 'hang', times: 1 },
			{ path: '/contacts/14$', kind: 'malformedJson', times: 100 },
			{ path: '/contacts/15$', kind: 'noData', times: 100 },
			{ path: '/contacts/16$', kind: 'status', status: 500, times: 1 },
		);

	let sandbox;
	let n8n;
	const outputs = []; // every byte n8n printed, to check that the token never appears

	async function execute(workflow) {
		sandbox.requests.splice(0);
		const result = await n8n.execute(workflow.id);
		outputs.push(result.stdout, result.stderr);
		if (!result.run) throw new Error(`n8n printed no run data (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
		return { ...result, xobito: nodeOutputs(result.run, 'Xobito'), error: result.run.data.resultData.error };
	}

	beforeAll(async () => {
		sandbox = await createSandbox({ maxLifetimeMs: 20 * 60 * 1000 });
		n8n = new N8n(runtime(runtimeName)).installPackage();
		await n8n.importCredentials(credential({ baseUrl: sandbox.url, apiToken: TOKENS.full }));
		const all = [
			WORKFLOWS.documented, WORKFLOWS.allFields, WORKFLOWS.mixedRouted, WORKFLOWS.mixedRegular, WORKFLOWS.mixedStop,
			WORKFLOWS.badInput, WORKFLOWS.rateLimited, ...Object.values(WORKFLOWS.faults), EXAMPLE,
		];
		await n8n.importWorkflow(all);
	});

	afterAll(async () => {
		n8n?.cleanup();
		await sandbox?.close();
	});

	test('the documented example: the exact PUT, and the updated contact as output', async () => {
		const run = await execute(WORKFLOWS.documented);
		expect(run.code).toBe(0);
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request.method).toBe('PUT');
		expect(request.path).toBe('/api/v1/acme/contacts/42');
		expect(request.headers.authorization).toBe(`Bearer ${TOKENS.full}`);
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(request.rawBody)).toStrictEqual({
			firstname: 'John',
			lastname: 'Doe',
			phone: '+14155550042',
			type: 'customer',
			status_id: 3,
		});
		const [success] = run.xobito;
		expect(success).toHaveLength(1);
		expect(success[0].json).toMatchObject({ id: 42, tenant_id: 13, status_id: 3, type: 'customer', firstname: 'John' });
		expect(success[0].pairedItem).toEqual({ item: 0 });
	});

	test('all fields: API names and JSON types exactly as documented; groups joined and created', async () => {
		const run = await execute(WORKFLOWS.allFields);
		expect(run.code).toBe(0);
		expect(JSON.parse(sandbox.requests[0].rawBody)).toStrictEqual({
			firstname: 'Ada',
			lastname: 'Lovelace',
			phone: '+14155550007',
			type: 'lead',
			email: 'ada@example.com',
			source_id: 2,
			status_id: 5,
			company: 'Analytical Engines',
			description: 'Met at the fair',
			country_id: 44,
			assigned_id: 9,
			groups: 'VIP,Newsletter,Trade Fair 2026',
		});
		const stored = sandbox.state.workspaces.acme.contacts.find((contact) => contact.id === 7);
		expect(stored.group_id).toEqual([1, 2, 131]);
	});

	test('Continue (using error output) + IF on $json.error.httpCode: the recipe the README teaches', async () => {
		const run = await execute(WORKFLOWS.mixedRouted);
		expect(run.code).toBe(0);
		expect(sandbox.requests.map((request) => request.path.split('/').pop())).toEqual(['1', '999', '4', '6']);
		const [success, failed] = run.xobito;
		expect(success.map((item) => [item.json.id, item.pairedItem.item])).toEqual([[1, 0], [6, 4]]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([1, 2, 3]);
		expect(failed.map((item) => [item.json.id, item.json.error.httpCode, item.json.error.message])).toEqual([
			[999, 404, 'Contact not found'],
			[3, null, `'Email' "not-an-email" is not an e-mail address [item 2]`],
			[4, 422, 'Validation failed'],
		]);
		expect(failed[2].json.error.fieldErrors).toEqual({ phone: ['The phone has already been taken.'] });
		expect(failed[2].json.error.description).toBe(
			'Xobito refused these values: Phone: The phone has already been taken.. Correct them in the input and run again. [item 3]',
		);
		expect(nodeOutputs(run.run, 'Not Found')[0].map((item) => item.json.id)).toEqual([999]);
		expect(nodeOutputs(run.run, 'Other Failure')[0].map((item) => item.json.id)).toEqual([3, 4]);
	});

	test('Continue (regular output): one item per input, in order, failures marked in json.error', async () => {
		const run = await execute(WORKFLOWS.mixedRegular);
		expect(run.code).toBe(0);
		const [items, errorOutput = []] = run.xobito;
		expect(errorOutput).toEqual([]);
		expect(items.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 3, 4]);
		expect(items.map((item) => item.json.error?.httpCode ?? (item.json.error ? 'refused' : 'ok'))).toEqual([
			'ok', 404, 'refused', 422, 'ok',
		]);
	});

	test('Stop Workflow (default): the run fails with the API message and no later item is sent', async () => {
		const run = await execute(WORKFLOWS.mixedStop);
		expect(run.code).not.toBe(0);
		expect(run.error.message).toBe('Contact not found');
		expect(run.error.description).toMatch(/Nothing with this ID exists in workspace "acme"/);
		expect(sandbox.requests.map((request) => request.path.split('/').pop())).toEqual(['1', '999']);
	});

	test('bad input is refused with a message naming field and item, and nothing is sent', async () => {
		const run = await execute(WORKFLOWS.badInput);
		expect(run.code).not.toBe(0);
		expect(run.error.message).toBe("'Phone' is 23 characters long; Xobito accepts at most 20 [item 0]");
		expect(run.error.description).toMatch(/No request was sent for this item/);
		expect(sandbox.requests).toEqual([]);
	});

	test('a 429 is waited out for retry_after seconds and the item is sent again', async () => {
		sandbox.injectFaults({ path: '/contacts/8$', kind: 'status', status: 429, body: { message: 'Too many requests', retry_after: 2 } });
		const run = await execute(WORKFLOWS.rateLimited);
		expect(run.code).toBe(0);
		expect(sandbox.requests.map((request) => request.path.split('/').pop())).toEqual(['8', '8', '9']);
		expect(sandbox.requests[1].at - sandbox.requests[0].at).toBeGreaterThanOrEqual(2000);
		expect(run.xobito[0].map((item) => item.json.id)).toEqual([8, 9]);
	});

	describe('faults: 502 HTML page, dropped connection, hang, broken JSON, missing data, 500', () => {
		test('Continue (using error output): the transient faults recover, the rest go to the error branch', async () => {
			injectFaults(sandbox);
			const run = await execute(WORKFLOWS.faults.continueErrorOutput);
			expect(run.code).toBe(0);
			const [success, failed] = run.xobito;
			expect(success.map((item) => item.json.id)).toEqual([12, 13, 16, 17]);
			expect(failed.map((item) => [item.json.id, item.json.error.httpCode, item.json.error.message])).toEqual([
				[11, 502, 'Xobito answered HTTP 502 without a JSON error message'],
				[14, 200, 'Xobito answered HTTP 200 but the response is not JSON'],
				[15, 200, "Xobito answered HTTP 200 but the response is JSON without the 'data' field"],
			]);
			const attempts = (id) => sandbox.requests.filter((request) => request.path.endsWith(`/${id}`)).length;
			expect([11, 12, 13, 14, 15, 16, 17].map(attempts)).toEqual([3, 2, 2, 1, 1, 2, 1]);
		});

		test('Continue (regular output): seven items out, in order', async () => {
			injectFaults(sandbox);
			const run = await execute(WORKFLOWS.faults.continueRegularOutput);
			expect(run.code).toBe(0);
			expect(run.xobito[0].map((item) => (item.json.error ? `fail:${item.pairedItem.item}` : item.json.id))).toEqual([
				'fail:0', 12, 13, 'fail:3', 'fail:4', 16, 17,
			]);
		});

		test('Stop Workflow: the first fault that does not recover stops the run', async () => {
			injectFaults(sandbox);
			const run = await execute(WORKFLOWS.faults.stopWorkflow);
			expect(run.code).not.toBe(0);
			expect(run.error.message).toBe('Xobito answered HTTP 502 without a JSON error message');
			expect(run.error.description).toMatch(/The request was sent 3 times/);
			expect(new Set(sandbox.requests.map((request) => request.path))).toEqual(new Set(['/api/v1/acme/contacts/11']));
		});
	});

	test('the example workflow shipped in examples/ runs as imported and routes the unknown contact', async () => {
		const run = await execute(EXAMPLE);
		expect(run.code).toBe(0);
		expect(nodeOutputs(run.run, 'Update Contact')[0].map((item) => item.json.id)).toEqual([42, 43]);
		expect(nodeOutputs(run.run, 'Contact Not Found')[0].map((item) => item.json.id)).toEqual([9999]);
		expect(sandbox.requests.map((request) => JSON.parse(request.rawBody).status_id)).toEqual([2, 3, 1]);
	});

	test('the API token appears nowhere in what n8n printed', () => {
		expect(outputs.length).toBeGreaterThan(0);
		const printed = outputs.join('\n');
		expect(printed).not.toContain(TOKENS.full);
		expect(printed).not.toContain(TOKENS.full.slice(6, 40));
	});
}

module.exports = { defineScenarios };
