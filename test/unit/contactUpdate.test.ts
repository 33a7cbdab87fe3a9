/** What Xobito receives for Contact → Update, and what the node outputs on success. */
import nock from 'nock';

import { runXobito, TEST_TOKEN, testCredentials } from '../helpers/runWorkflow';
import {
	API_ROOT,
	contactRef,
	documentedExample,
	echoUpdate,
	mockXobito,
	updated,
} from '../helpers/xobitoMock';

describe('Contact → Update: the request', () => {
	test('the documented example sends exactly the documented PUT', async () => {
		const { received } = mockXobito([updated(451, { firstname: 'John', status_id: 3 })]);
		const { success, errors, workflowError } = await runXobito({ parameters: documentedExample });

		expect(workflowError).toBeUndefined();
		expect(errors).toEqual([]);
		expect(received).toHaveLength(1);
		const [request] = received;
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`${API_ROOT}/contacts/451`);
		expect(request.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
		expect(request.headers.accept).toBe('application/json');
		expect(String(request.headers['content-type'])).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			firstname: 'John',
			lastname: 'Doe',
			phone: '+14155551234',
			type: 'customer',
			status_id: 3,
		});
		expect(success).toEqual([
			{
				json: {
					id: 451,
					tenant_id: 13,
					firstname: 'John',
					status_id: 3,
					updated_at: '2026-04-16T13:01:10.000000Z',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('all twelve fields go out under their API names with their JSON types', async () => {
		const { received } = mockXobito(echoUpdate);
		await runXobito({
			parameters: {
				contactId: contactRef('7'),
				firstName: 'Ada',
				lastName: 'Lovelace',
				phone: '+441234567890',
				type: 'lead',
				updateFields: {
					email: 'ada@example.com',
					sourceId: '2',
					statusId: 5,
					company: 'Analytical Engines',
					description: 'Met at the fair',
					countryId: 44,
					assignedId: '9',
					groups: ['VIP', 'Newsletter'],
				},
			},
		});
		expect(received[0].body).toStrictEqual({
			firstname: 'Ada',
			lastname: 'Lovelace',
			phone: '+441234567890',
			type: 'lead',
			email: 'ada@example.com',
			source_id: 2,
			status_id: 5,
			company: 'Analytical Engines',
			description: 'Met at the fair',
			country_id: 44,
			assigned_id: 9,
			groups: 'VIP,Newsletter',
		});
	});

	test('only the required fields and the Update Fields that are set are sent', async () => {
		const { received } = mockXobito(echoUpdate);
		await runXobito({
			parameters: { ...documentedExample, updateFields: { company: 'Demo Co' } },
		});
		expect(Object.keys(received[0].body as object).sort()).toEqual(
			['company', 'firstname', 'lastname', 'phone', 'type'].sort(),
		);
	});

	test('an expression that resolves to nothing leaves the field out instead of clearing it', async () => {
		const { received } = mockXobito(echoUpdate);
		await runXobito({
			items: [{ email: '', company: null, note: '   ' }],
			parameters: {
				...documentedExample,
				updateFields: {
					email: '={{ $json.email }}',
					company: '={{ $json.company }}',
					description: '={{ $json.note }}',
					statusId: '={{ $json.missing }}',
				},
			},
		});
		expect(received[0].body).toEqual({
			firstname: 'John',
			lastname: 'Doe',
			phone: '+14155551234',
			type: 'customer',
		});
	});

	test('Clear Source and Clear Status send null, the documented way to empty them', async () => {
		const { received } = mockXobito(echoUpdate);
		await runXobito({
			parameters: { ...documentedExample, updateFields: { clearSource: true, clearStatus: true } },
		});
		expect(received[0].body).toMatchObject({ source_id: null, status_id: null });
	});

	test('groups chosen from the list and new group names are joined into one comma-separated string', async () => {
		const { received } = mockXobito(echoUpdate);
		await runXobito({
			parameters: {
				...documentedExample,
				updateFields: { groups: ['VIP'], newGroups: 'Trade Fair 2026,Partners' },
			},
		});
		expect((received[0].body as { groups: string }).groups).toBe('VIP,Trade Fair 2026,Partners');
	});

	test('a comma-separated groups text from an expression is sent exactly as given', async () => {
		const { received } = mockXobito(echoUpdate);
		await runXobito({
			items: [{ tags: 'VIP, Newsletter' }],
			parameters: { ...documentedExample, updateFields: { groups: '={{ $json.tags }}' } },
		});
		expect((received[0].body as { groups: string }).groups).toBe('VIP, Newsletter');
	});

	test('values mapped per item: numbers from a sheet become the documented types', async () => {
		const { received } = mockXobito(echoUpdate);
		await runXobito({
			items: [
				{ id: 11, first: 'Ana', last: 'Lima', phone: 5511987654321, status: '4' },
				{ id: '12', first: 'Bo', last: 'Chen', phone: '+8613800000000', status: 6 },
			],
			parameters: {
				contactId: contactRef('={{ $json.id }}'),
				firstName: '={{ $json.first }}',
				lastName: '={{ $json.last }}',
				phone: '={{ $json.phone }}',
				type: 'lead',
				updateFields: { statusId: '={{ $json.status }}' },
			},
		});
		expect(received.map((request) => request.path)).toEqual([
			`${API_ROOT}/contacts/11`,
			`${API_ROOT}/contacts/12`,
		]);
		expect(received[0].body).toMatchObject({ phone: '5511987654321', status_id: 4 });
		expect(received[1].body).toMatchObject({ phone: '+8613800000000', status_id: 6 });
	});

	test.each([
		['a plain number', 451],
		['a plain text', '451'],
		['a plain expression', '={{ $json.id }}'],
		['picked from the list', { __rl: true, mode: 'list', value: '451' }],
	])('a contact ID given as %s works too', async (_name, contactId) => {
		const { received } = mockXobito(echoUpdate);
		const { workflowError } = await runXobito({ items: [{ id: 451 }], parameters: { ...documentedExample, contactId } });
		expect(workflowError).toBeUndefined();
		expect(received[0].path).toBe(`${API_ROOT}/contacts/451`);
	});

	test('base URL with a path and trailing slash, and an unprefixed hex token', async () => {
		const hexToken = 'ab12'.repeat(16);
		const scope = nock('https://crm.example.test')
			.put('/xobito/api/v1/acme/contacts/451')
			.matchHeader('authorization', `Bearer ${hexToken}`)
			.reply(200, updated(451).body as object);
		const { success } = await runXobito({
			parameters: documentedExample,
			credentials: testCredentials({
				baseUrl: 'https://crm.example.test/xobito/',
				apiToken: hexToken,
			}),
		});
		expect(scope.isDone()).toBe(true);
		expect(success).toHaveLength(1);
	});
});

describe('Contact → Update: many items', () => {
	test('one output item per input item, in input order, each paired to its input', async () => {
		const { received } = mockXobito(echoUpdate);
		const items = Array.from({ length: 5 }, (_, i) => ({ id: i + 1 }));
		const { success } = await runXobito({
			items,
			parameters: { ...documentedExample, contactId: contactRef('={{ $json.id }}') },
		});
		expect(received).toHaveLength(5);
		expect(success.map((item) => [item.json.id, item.pairedItem])).toEqual(
			items.map((item, i) => [item.id, { item: i }]),
		);
	});

	test('with Concurrency 4 the output still follows the input order', async () => {
		// Earlier items answer later, so completion order is the reverse of input order.
		const { received } = mockXobito((request) => ({
			...echoUpdate(request),
			delayMs: 200 - 20 * Number(request.path.split('/').pop()),
		}));
		const items = Array.from({ length: 8 }, (_, i) => ({ id: i + 1 }));
		const { success } = await runXobito({
			items,
			parameters: {
				...documentedExample,
				contactId: contactRef('={{ $json.id }}'),
				options: { concurrency: 4 },
			},
		});
		expect(received).toHaveLength(8);
		expect(success.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(success.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
	});
});
