/** Every documented API failure, how it surfaces, and how items route in each "On Error" mode. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import nock from 'nock';

import type { OnError, SerialisedError } from '../helpers/runWorkflow';
import { runXobito, TEST_TOKEN } from '../helpers/runWorkflow';
import type { Reply } from '../helpers/xobitoMock';
import {
	contactRef,
	documentedExample,
	DOCUMENTED_ERRORS,
	echoUpdate,
	mockXobito,
} from '../helpers/xobitoMock';

async function failWith(reply: Reply, options: IDataObject = {}) {
	const { received } = mockXobito([reply]);
	const { workflowError, success, errors } = await runXobito({
		parameters: { ...documentedExample, options: { maxRetries: 0, ...options } },
	});
	return { received, error: workflowError as unknown as SerialisedError, success, errors };
}

describe('documented error answers stop the workflow with the API message', () => {
	test.each([
		[
			'400 unknown workspace',
			DOCUMENTED_ERRORS.invalidSubdomain,
			'Invalid tenant subdomain',
			/No Xobito workspace is called "acme"/,
		],
		[
			'401 missing token',
			DOCUMENTED_ERRORS.missingToken,
			'API token is required',
			/Settings → API Management/,
		],
		[
			'401 invalid token',
			DOCUMENTED_ERRORS.invalidToken,
			'Invalid API token',
			/copy the token again/,
		],
		[
			'403 missing ability',
			DOCUMENTED_ERRORS.missingAbility,
			'Token does not have the required ability: contacts.update',
			/Give the token that ability/,
		],
		[
			'403 plan limit',
			DOCUMENTED_ERRORS.planLimit,
			'Contact limit exceeded for your current plan. Upgrade to add more contacts.',
			/Upgrade the plan/,
		],
		[
			'404 contact not found',
			DOCUMENTED_ERRORS.notFound,
			'Contact not found',
			/Nothing with this ID exists in workspace "acme"/,
		],
		[
			'500 server error',
			DOCUMENTED_ERRORS.serverError,
			'Failed to update contact',
			/Try again later/,
		],
	])('%s', async (_name, reply, message, hint) => {
		const { error, received } = await failWith(reply);
		expect(received).toHaveLength(1);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(message);
		expect(error.description).toMatch(hint);
		expect(error.httpCode).toBe(String(reply.status));
		expect(error.context.itemIndex).toBe(0);
	});

	test('422 lists each field error under the label the user knows', async () => {
		const { error } = await failWith(DOCUMENTED_ERRORS.validation);
		expect(error.message).toBe('Validation failed');
		expect(error.httpCode).toBe('422');
		expect(error.description).toBe(
			'Xobito refused these values: Phone: The phone field is required.; Email: The email has already been taken.. Correct them in the input and run again. [item 0]',
		);
		expect(error.context.fieldErrors).toEqual({
			phone: ['The phone field is required.'],
			email: ['The email has already been taken.'],
		});
	});

	test('422 with errors as a string', async () => {
		const { error } = await failWith({
			status: 422,
			body: {
				status: 'error',
				message: 'Validation failed',
				errors: 'The lastname field is required.',
			},
		});
		expect(error.message).toBe('Validation failed');
		expect(error.description).toMatch('The lastname field is required.');
	});

	test('an unknown status without a JSON body names the status', async () => {
		const { error } = await failWith({ status: 418, body: '<html>teapot</html>' });
		expect(error.message).toBe('Xobito answered HTTP 418 without a JSON error message');
		expect(error.description).toMatch('<html>teapot</html>');
		expect(error.httpCode).toBe('418');
	});
});

describe('rate limits', () => {
	test('a 429 is waited out for retry_after seconds and the same item is sent again', async () => {
		const { received } = mockXobito([
			DOCUMENTED_ERRORS.rateLimited,
			echoUpdate({ path: '/x/451', body: {} } as never),
		]);
		const { success, workflowError } = await runXobito({ parameters: documentedExample });
		expect(workflowError).toBeUndefined();
		expect(success).toHaveLength(1);
		expect(received).toHaveLength(2);
		expect(received[1].body).toEqual(received[0].body);
		expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(1000);
	});

	test('a wait longer than Max Rate-Limit Wait fails the item with when the limit resets', async () => {
		const { error, received } = await failWith(
			{ status: 429, body: { message: 'Too many requests', retry_after: 45 } },
			{ maxRetryWait: 10 },
		);
		expect(received).toHaveLength(1);
		expect(error.message).toBe("Xobito's rate limit was reached: Too many requests");
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(
			/asks to wait 45 s, longer than 'Max Rate-Limit Wait' \(10 s\)/,
		);
		expect(error.description).toMatch(/The limit resets at \d{4}-\d\d-\d\dT/);
	});

	test('a Retry-After header is honoured when the body has no retry_after', async () => {
		const { received } = mockXobito([
			{ status: 429, body: { message: 'Too many requests' }, headers: { 'Retry-After': '1' } },
			echoUpdate({ path: '/x/451', body: {} } as never),
		]);
		const { success } = await runXobito({ parameters: documentedExample });
		expect(success).toHaveLength(1);
		expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(1000);
	});

	test('while one item waits out a 429, no other item is sent (Concurrency 3)', async () => {
		let limited = false;
		const { received } = mockXobito((request, index) => {
			if (index === 1 && !limited) {
				limited = true;
				return DOCUMENTED_ERRORS.rateLimited;
			}
			return echoUpdate(request);
		});
		const { success } = await runXobito({
			items: Array.from({ length: 6 }, (_, i) => ({ id: i + 1 })),
			parameters: {
				...documentedExample,
				contactId: contactRef('={{ $json.id }}'),
				options: { concurrency: 3 },
			},
		});
		expect(success.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5, 6]);
		// Requests already on their way when the 429 came back may still arrive; nothing new starts.
		const limitedAt = received[1].at;
		const sentDuringPause = received.filter(
			(request) => request.at > limitedAt + 400 && request.at < limitedAt + 950,
		);
		expect(sentDuringPause).toEqual([]);
		expect(
			received.filter((request) => request.at > limitedAt && request.at <= limitedAt + 400).length,
		).toBeLessThanOrEqual(2);
		expect(received).toHaveLength(7);
	});
});

function routedJson(items: INodeExecutionData[]) {
	return items.map((item) => item.json);
}

describe('a mixed batch in each On Error mode', () => {
	// Item 1 is refused by Xobito (404), item 3 by the node (bad e-mail); 0, 2 and 4 succeed.
	const items = [
		{ id: 1, email: 'a@example.com' },
		{ id: 404, email: 'b@example.com' },
		{ id: 3, email: 'c@example.com' },
		{ id: 4, email: 'not-an-email' },
		{ id: 5, email: 'e@example.com' },
	];
	const parameters = {
		...documentedExample,
		contactId: contactRef('={{ $json.id }}'),
		updateFields: { email: '={{ $json.email }}' },
	};
	const reply = (request: { path: string }) =>
		request.path.endsWith('/404') ? DOCUMENTED_ERRORS.notFound : echoUpdate(request as never);

	async function run(onError: OnError) {
		const { received } = mockXobito(reply);
		return { received, ...(await runXobito({ items, parameters, onError })) };
	}

	test('Continue (using error output): exactly the failed items go to the error branch, with status and message', async () => {
		const { success, errors, received, workflowError } = await run('continueErrorOutput');
		expect(workflowError).toBeUndefined();
		expect(received.map((request) => request.path.split('/').pop())).toEqual([
			'1',
			'404',
			'3',
			'5',
		]);
		expect(success.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[3, { item: 2 }],
			[5, { item: 4 }],
		]);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 3 }]);
		// n8n merges the error json over the input item, so the input's fields stay available.
		expect(routedJson(errors)).toEqual([
			{
				id: 404,
				email: 'b@example.com',
				error: {
					message: 'Contact not found',
					description: expect.stringMatching(/Nothing with this ID exists/),
					httpCode: 404,
					fieldErrors: null,
				},
			},
			{
				id: 4,
				email: 'not-an-email',
				error: {
					message: `'Email' "not-an-email" is not an e-mail address [item 3]`,
					description: expect.stringMatching(/No request was sent/),
					httpCode: null,
					fieldErrors: null,
				},
			},
		]);
	});

	test('Continue (regular output): one item per input, in order, failures marked with error', async () => {
		const { success, errors } = await run('continueRegularOutput');
		expect(errors).toEqual([]);
		expect(success).toHaveLength(5);
		expect(success.map((item) => item.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(
			success.map((item) => (item.json.error as IDataObject | undefined)?.message ?? 'ok'),
		).toEqual([
			'ok',
			'Contact not found',
			'ok',
			`'Email' "not-an-email" is not an e-mail address [item 3]`,
			'ok',
		]);
		expect(success[1].json).toEqual({
			error: {
				message: 'Contact not found',
				description: expect.any(String),
				httpCode: 404,
				fieldErrors: null,
			},
		});
	});

	test('Stop Workflow (default): the first failure stops the run and no later item is sent', async () => {
		const { workflowError, received, success } = await run('stopWorkflow');
		expect(workflowError?.message).toBe('Contact not found');
		expect((workflowError as unknown as SerialisedError).context.itemIndex).toBe(1);
		expect(received).toHaveLength(2);
		expect(success).toEqual([]);
	});
});

test('the token appears nowhere in outputs, errors or descriptions', async () => {
	const replies = [
		DOCUMENTED_ERRORS.invalidToken,
		DOCUMENTED_ERRORS.validation,
		{ status: 502, body: '<html>bad gateway</html>' },
	];
	for (const onError of [
		'continueErrorOutput',
		'continueRegularOutput',
		'stopWorkflow',
	] as OnError[]) {
		mockXobito((_request, index) => replies[index % replies.length]);
		const result = await runXobito({
			items: [{}, {}, {}],
			parameters: { ...documentedExample, options: { maxRetries: 0 } },
			onError,
		});
		const everything = JSON.stringify(result.run, (_key, value: unknown) =>
			value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
		);
		expect(everything).not.toContain(TEST_TOKEN);
		expect(everything).not.toContain(TEST_TOKEN.slice(6, 30));
		nock.cleanAll();
	}
});
