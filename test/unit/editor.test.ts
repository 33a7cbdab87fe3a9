/**
 * What the n8n editor shows: dropdowns and the contact picker filled from the workspace, and the
 * credential's "Test" button. Against the Xobito sandbox on 127.0.0.1 (real HTTP).
 */
import { loadOptionsContext, runXobito, testCredential } from '../helpers/runWorkflow';
import { contactRef, documentedExample } from '../helpers/xobitoMock';
import { Xobito } from '../../nodes/Xobito/Xobito.node';
import type { Sandbox } from '../sandbox/xobitoSandbox';
import { createSandbox, TOKENS } from '../sandbox/xobitoSandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await createSandbox({ maxLifetimeMs: 120_000 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.requests.splice(0));

const credentials = (token = TOKENS.full, overrides: object = {}) => ({
	apiToken: token,
	subdomain: 'acme',
	baseUrl: sandbox.url,
	...overrides,
});
const methods = new Xobito().methods;

describe('dropdowns', () => {
	test('Groups reads every page (130 groups, 100 per page) and offers names sorted by name', async () => {
		const options = await methods.loadOptions.getGroups.call(loadOptionsContext(credentials()));
		expect(options).toHaveLength(130);
		expect(options.every((option) => option.value === option.name)).toBe(true);
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(sandbox.requests.map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
	});

	test('Status and Source offer names with their IDs as values', async () => {
		const statuses = await methods.loadOptions.getStatuses.call(loadOptionsContext(credentials()));
		expect(statuses).toEqual([
			{ name: 'Lost', value: 4 },
			{ name: 'New', value: 1 },
			{ name: 'Nurturing', value: 5 },
			{ name: 'Qualified', value: 2 },
			{ name: 'Won', value: 3 },
		]);
		const sources = await methods.loadOptions.getSources.call(loadOptionsContext(credentials()));
		expect(sources.map((option) => option.name)).toEqual([
			'Referral',
			'Trade Fair',
			'Website',
			'WhatsApp',
		]);
	});

	test('a token without the read ability gets a message naming the ability', async () => {
		await expect(
			methods.loadOptions.getStatuses.call(loadOptionsContext(credentials(TOKENS.updateOnly))),
		).rejects.toThrow('Token does not have the required ability: statuses.read');
		await expect(
			methods.loadOptions.getGroups.call(loadOptionsContext(credentials(TOKENS.updateOnly))),
		).rejects.toMatchObject({
			message: 'Token does not have the required ability: groups.read',
			description: expect.stringMatching(/Give the token that ability/),
		});
	});

	test('the contact picker pages through the contacts and filters each page', async () => {
		const context = loadOptionsContext(credentials());
		const first = await methods.listSearch.searchContacts.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: 'John Doe (+14155550001, contact1@example.com)',
			value: '1',
		});
		expect(first.paginationToken).toBe('2');
		const last = await methods.listSearch.searchContacts.call(context, undefined, '3');
		expect(last.results).toHaveLength(50);
		expect(last.paginationToken).toBeUndefined();
		const filtered = await methods.listSearch.searchContacts.call(context, 'contact42@');
		expect(filtered.results).toEqual([
			{ name: expect.stringContaining('contact42@example.com'), value: '42' },
		]);
	});

	test('values picked in the dropdowns update the contact in the sandbox', async () => {
		const result = await runXobito({
			parameters: {
				...documentedExample,
				contactId: contactRef('42'),
				phone: '+14155550042',
				updateFields: { statusId: 2, groups: ['VIP', 'Group 120'] },
			},
			credentials: credentials(),
		});
		expect(result.workflowError).toBeUndefined();
		expect(result.success[0].json).toMatchObject({ id: 42, status_id: 2, type: 'customer' });
		expect(
			sandbox.state.workspaces.acme.contacts.find((contact) => contact.id === 42)?.group_id,
		).toEqual([1, 120]);
	});
});

describe('credential test', () => {
	test('a working token and workspace', async () => {
		await expect(testCredential(credentials())).resolves.toEqual({
			status: 'OK',
			message: 'Connected to Xobito workspace "acme"',
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/api/v1/acme/contacts',
			query: { page: '1', per_page: '1' },
			headers: expect.objectContaining({ authorization: `Bearer ${TOKENS.full}` }),
		});
	});

	test('a wrong token', async () => {
		const result = await testCredential(credentials('apitk_wrong'));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Invalid API token\. Xobito did not accept the API token/);
	});

	test('an unknown workspace subdomain', async () => {
		const result = await testCredential(credentials(TOKENS.full, { subdomain: 'nosuchworkspace' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Invalid tenant subdomain\. No Xobito workspace is called "nosuchworkspace"/,
		);
	});

	test('a base URL where nothing answers', async () => {
		const result = await testCredential(
			credentials(TOKENS.full, { baseUrl: 'http://127.0.0.1:9' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				"Could not reach Xobito at http://127.0.0.1:9. Nothing accepted the connection (ECONNREFUSED). Check 'Base URL' in the credential and that the server is up.",
		});
	});

	test('a valid token that only lacks contacts.read is fine for updates', async () => {
		const result = await testCredential(credentials(TOKENS.updateOnly));
		expect(result.status).toBe('OK');
		expect(result.message).toMatch(
			/lacks "contacts.read", which the test uses but updating contacts does not need/,
		);
	});

	test('a base URL that answers but is not the Xobito API', async () => {
		sandbox.injectFaults({ kind: 'html', status: 200 });
		const result = await testCredential(credentials());
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/answered, but not like the Xobito API/);
	});

	test('a malformed subdomain is refused without a request', async () => {
		const result = await testCredential(credentials(TOKENS.full, { subdomain: 'acme.evil.com/' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/is not a workspace name/);
		expect(sandbox.requests).toEqual([]);
	});

	test('no message carries the token', async () => {
		const results = await Promise.all([
			testCredential(credentials('apitk_secret_wrong_value')),
			testCredential(credentials('apitk_secret_wrong_value', { baseUrl: 'http://127.0.0.1:9' })),
		]);
		expect(JSON.stringify(results)).not.toContain('secret_wrong_value');
	});
});
