/** Bad input is refused before any request, with a message naming the field and the item. */
import type { IDataObject } from 'n8n-workflow';

import { runXobito, testCredentials } from '../helpers/runWorkflow';
import { contactRef, documentedExample, echoUpdate, mockXobito } from '../helpers/xobitoMock';

const emoji = '😀';

type Case = [name: string, parameters: IDataObject, message: string, item?: IDataObject];

// n8n itself refuses a workflow whose static parameters are empty or fail the locator's pattern,
// so those cases arrive through an expression, as they do in real workflows.
const fromInput = '={{ $json.value }}';

const refused: Case[] = [
	['empty first name', { firstName: fromInput }, "'First Name' is empty [item 0]", { value: '' }],
	['blank last name', { lastName: '   ' }, "'Last Name' is empty [item 0]"],
	['empty phone', { phone: fromInput }, "'Phone' is empty [item 0]", { value: null }],
	[
		'first name of 256 emoji',
		{ firstName: emoji.repeat(256) },
		"'First Name' is 256 characters long; Xobito accepts at most 255 [item 0]",
	],
	[
		'last name of 256 letters',
		{ lastName: 'a'.repeat(256) },
		"'Last Name' is 256 characters long; Xobito accepts at most 255 [item 0]",
	],
	[
		'phone of 21 characters',
		{ phone: '+' + '1'.repeat(20) },
		"'Phone' is 21 characters long; Xobito accepts at most 20 [item 0]",
	],
	[
		'type guest',
		{ type: 'guest' },
		`'Type' must be one of "lead", "customer", not "guest" [item 0]`,
	],
	[
		'company of 256 characters',
		{ updateFields: { company: 'c'.repeat(256) } },
		"'Company' is 256 characters long; Xobito accepts at most 255 [item 0]",
	],
	[
		'email of 192 characters',
		{ updateFields: { email: `${'e'.repeat(180)}@example.com` } },
		"'Email' is 192 characters long; Xobito accepts at most 191 [item 0]",
	],
	[
		'email without @',
		{ updateFields: { email: 'john.example.com' } },
		`'Email' "john.example.com" is not an e-mail address [item 0]`,
	],
	[
		'email without a dotted domain',
		{ updateFields: { email: 'john@example' } },
		`'Email' "john@example" is not an e-mail address [item 0]`,
	],
	[
		'status ID 0',
		{ updateFields: { statusId: 0 } },
		"'Status Name or ID' must be a positive whole number (an ID), not 0 [item 0]",
	],
	[
		'source ID -2',
		{ updateFields: { sourceId: -2 } },
		"'Source Name or ID' must be a positive whole number (an ID), not -2 [item 0]",
	],
	[
		'country ID 1.5',
		{ updateFields: { countryId: 1.5 } },
		"'Country ID' must be a positive whole number (an ID), not 1.5 [item 0]",
	],
	[
		'assigned ID "7a"',
		{ updateFields: { assignedId: '7a' } },
		`'Assigned User ID' must be a positive whole number (an ID), not "7a" [item 0]`,
	],
	[
		'Source set and cleared',
		{ updateFields: { sourceId: 2, clearSource: true } },
		"'Source Name or ID' is set while 'Clear Source' is on [item 0]",
	],
	[
		'contact ID empty',
		{ contactId: contactRef(fromInput) },
		"'Contact' is empty [item 0]",
		{ value: '' },
	],
	[
		'contact ID with a path',
		{ contactId: contactRef(fromInput) },
		`'Contact' is "451/../1", not a contact ID [item 0]`,
		{ value: '451/../1' },
	],
	[
		'contact ID with a query',
		{ contactId: contactRef(fromInput) },
		`'Contact' is "451?x=1", not a contact ID [item 0]`,
		{ value: '451?x=1' },
	],
	[
		'contact ID 0',
		{ contactId: contactRef(fromInput) },
		`'Contact' is 0, not a contact ID [item 0]`,
		{ value: 0 },
	],
	[
		'concurrency 0',
		{ options: { concurrency: 0 } },
		"'Concurrency' must be a whole number from 1 to 20, not 0 [item 0]",
	],
];

describe('refused before any request', () => {
	test.each(refused)('%s', async (_name, parameters, message, item = {}) => {
		const { received } = mockXobito(echoUpdate);
		const { workflowError, success } = await runXobito({
			items: [item],
			parameters: { ...documentedExample, ...parameters },
		});
		expect(received).toEqual([]);
		expect(success).toEqual([]);
		expect(workflowError?.message).toBe(message);
		expect(workflowError?.description).toMatch(/No request was sent/);
		expect(workflowError?.name).toBe('NodeOperationError');
	});

	test('the item number in the message is the failing item, and earlier items were sent', async () => {
		const { received } = mockXobito(echoUpdate);
		const { workflowError } = await runXobito({
			items: [{ phone: '+1' }, { phone: '+2' }, { phone: '' }, { phone: '+4' }],
			parameters: { ...documentedExample, phone: '={{ $json.phone }}' },
		});
		expect(workflowError?.message).toBe("'Phone' is empty [item 2]");
		expect((workflowError as unknown as { context: IDataObject }).context.itemIndex).toBe(2);
		expect(received).toHaveLength(2);
	});
});

test("n8n's own parameter check stops a workflow whose static required field is empty", async () => {
	const { received } = mockXobito(echoUpdate);
	await expect(runXobito({ parameters: { ...documentedExample, firstName: '' } })).rejects.toThrow(
		'Parameter "First Name" is required',
	);
	expect(received).toEqual([]);
});

describe('accepted at the documented limits', () => {
	const accepted: Array<[string, IDataObject]> = [
		['first name of 255 emoji (code points, as the API counts)', { firstName: emoji.repeat(255) }],
		['last name of 255 letters', { lastName: 'b'.repeat(255) }],
		['phone of 20 characters', { phone: '+' + '1'.repeat(19) }],
		['email of 191 characters', { updateFields: { email: `${'e'.repeat(179)}@example.com` } }],
		['contact ID as a number', { contactId: 451 }],
	];
	test.each(accepted)('%s', async (_name, parameters) => {
		const { received } = mockXobito(echoUpdate);
		const { workflowError, success } = await runXobito({
			parameters: { ...documentedExample, ...parameters },
		});
		expect(workflowError).toBeUndefined();
		expect(received).toHaveLength(1);
		expect(success).toHaveLength(1);
	});
});

describe('credential values that would change the URL are refused', () => {
	test.each([
		[
			'subdomain with a host',
			{ subdomain: 'evil.com/#' },
			`The credential's 'Workspace Subdomain' "evil.com/#" is not a workspace name [item 0]`,
		],
		[
			'subdomain with a path',
			{ subdomain: 'acme/../other' },
			`The credential's 'Workspace Subdomain' "acme/../other" is not a workspace name [item 0]`,
		],
		[
			'empty subdomain',
			{ subdomain: '' },
			`The credential's 'Workspace Subdomain' "" is not a workspace name [item 0]`,
		],
		[
			'base URL that is not a URL',
			{ baseUrl: 'dash.xobito.com' },
			`The credential's 'Base URL' "dash.xobito.com" is not a web address [item 0]`,
		],
		[
			'base URL with a query',
			{ baseUrl: 'https://dash.xobito.com/?x=1' },
			`The credential's 'Base URL' "https://dash.xobito.com/?x=1" is not a web address [item 0]`,
		],
	])('%s', async (_name, credential, message) => {
		const { received } = mockXobito(echoUpdate);
		const { workflowError } = await runXobito({
			parameters: documentedExample,
			credentials: testCredentials(credential),
		});
		expect(received).toEqual([]);
		expect(workflowError?.message).toBe(message);
	});
});
