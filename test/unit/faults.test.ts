/** Transient failures are retried within bounds; malformed answers become clear errors; no item is lost. */
import type { IDataObject } from 'n8n-workflow';

import type { SerialisedError } from '../helpers/runWorkflow';
import { runXobito } from '../helpers/runWorkflow';
import type { Reply } from '../helpers/xobitoMock';
import {
	contactRef,
	documentedExample,
	DOCUMENTED_ERRORS,
	echoUpdate,
	mockXobito,
} from '../helpers/xobitoMock';

async function runWith(replies: Reply[], options: IDataObject) {
	const { received } = mockXobito((request, index) =>
		index < replies.length ? replies[index] : echoUpdate(request),
	);
	const result = await runXobito({ parameters: { ...documentedExample, options } });
	return {
		received,
		...result,
		error: result.workflowError as unknown as SerialisedError | undefined,
	};
}

describe('transient failures are retried, then succeed', () => {
	test.each([
		['500', DOCUMENTED_ERRORS.serverError],
		['502 HTML page', { status: 502, body: '<html><body>Bad gateway</body></html>' }],
		['503', { status: 503, body: { status: 'error', message: 'Service unavailable' } }],
		['504', { status: 504, body: '' }],
		['dropped connection', { status: 0, drop: true }],
		['timeout', { status: 200, body: {}, delayMs: 1500 }],
	] as Array<[string, Reply]>)('%s, then 200', async (_name, fault) => {
		const { received, success, error } = await runWith([fault, fault], {
			maxRetries: 3,
			timeout: 300,
		});
		expect(error).toBeUndefined();
		expect(received).toHaveLength(3);
		expect(received[2].body).toEqual(received[0].body);
		expect(success).toHaveLength(1);
	});
});

describe('when retries run out the item fails with what happened', () => {
	test('a hung server ends with a timeout error after 1 + Max Retries attempts', async () => {
		const { received, error } = await runWith(
			Array(5).fill({ status: 200, body: {}, delayMs: 1500 }),
			{
				maxRetries: 2,
				timeout: 200,
			},
		);
		expect(received).toHaveLength(3);
		expect(error?.message).toBe('Xobito did not answer within 200 ms');
		expect(error?.description).toMatch(/The request was sent 3 times/);
	});

	test('Max Retries 0 turns retries off', async () => {
		const { received, error } = await runWith([DOCUMENTED_ERRORS.serverError], { maxRetries: 0 });
		expect(received).toHaveLength(1);
		expect(error?.message).toBe('Failed to update contact');
		expect(error?.httpCode).toBe('500');
	});

	test('a dropped connection, every time', async () => {
		const { received, error } = await runWith(Array(5).fill({ status: 0, drop: true }), {
			maxRetries: 1,
		});
		expect(received).toHaveLength(2);
		expect(error?.message).toBe('Could not reach Xobito at https://dash.xobito.test');
		expect(error?.description).toMatch(
			/closed before Xobito answered \(ECONNRESET\)\. The request was sent 2 times/,
		);
	});

	test('nothing listening at the base URL', async () => {
		const result = await runXobito({
			parameters: { ...documentedExample, options: { maxRetries: 1 } },
			credentials: { apiToken: 'x', subdomain: 'acme', baseUrl: 'http://127.0.0.1:9' },
		});
		const error = result.workflowError as unknown as SerialisedError;
		expect(error.message).toBe('Could not reach Xobito at http://127.0.0.1:9');
		expect(error.description).toMatch(/Nothing accepted the connection \(ECONNREFUSED\)/);
	});
});

describe('4xx answers are never retried', () => {
	test.each([400, 401, 403, 404, 422])('%i', async (status) => {
		const { received } = await runWith([{ status, body: { status: 'error', message: 'No' } }], {
			maxRetries: 3,
		});
		expect(received).toHaveLength(1);
	});
});

describe('malformed success answers become errors naming the status', () => {
	test.each([
		['an HTML page', '<html>Login</html>', 'Xobito answered HTTP 200 but the response is not JSON'],
		[
			'broken JSON',
			'{"status":"success","data":',
			'Xobito answered HTTP 200 but the response is not JSON',
		],
		[
			'an envelope without data',
			{ status: 'success', message: 'ok' },
			"Xobito answered HTTP 200 but the response is JSON without the 'data' field",
		],
	] as Array<[string, unknown, string]>)('%s', async (_name, body, message) => {
		const { received, error, success } = await runWith([{ status: 200, body }], {});
		expect(received).toHaveLength(1);
		expect(success).toEqual([]);
		expect(error?.message).toBe(message);
		expect(error?.httpCode).toBe('200');
		expect(error?.description).toMatch(/Check that 'Base URL'/);
	});
});

test('under faults every item still gives exactly one output item (error output mode)', async () => {
	const faults: Record<string, Reply> = {
		'2': { status: 200, body: '<html>oops</html>' },
		'4': DOCUMENTED_ERRORS.notFound,
		'6': { status: 0, drop: true },
	};
	mockXobito((request) => faults[String(request.path.split('/').pop())] ?? echoUpdate(request));
	const items = Array.from({ length: 8 }, (_, i) => ({ id: i + 1 }));
	const { success, errors } = await runXobito({
		items,
		onError: 'continueErrorOutput',
		parameters: {
			...documentedExample,
			contactId: contactRef('={{ $json.id }}'),
			options: { maxRetries: 1, concurrency: 3 },
		},
	});
	const paired = [...success, ...errors]
		.map((item) => (item.pairedItem as { item: number }).item)
		.sort();
	expect(paired).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	expect(errors.map((item) => item.json.id)).toEqual([2, 4, 6]);
	expect(success.map((item) => item.json.id)).toEqual([1, 3, 5, 7, 8]);
});
