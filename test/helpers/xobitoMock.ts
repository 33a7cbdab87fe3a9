/** nock interceptors for the Xobito API that record exactly what Xobito would receive. */
import { sleep } from 'n8n-workflow';
import nock from 'nock';

export const BASE_URL = 'https://dash.xobito.test';
export const API_ROOT = '/api/v1/acme';

export interface ReceivedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	at: number;
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Break the connection instead of answering. */
	drop?: boolean;
	/** Answer only after this many ms. */
	delayMs?: number;
}

/** Answers every request to the API with the next reply (the last one repeats); records each request. */
export function mockXobito(
	replies: Reply[] | ((request: ReceivedRequest, index: number) => Reply),
) {
	const received: ReceivedRequest[] = [];
	const nextReply = (request: ReceivedRequest) =>
		typeof replies === 'function'
			? replies(request, received.length - 1)
			: replies[Math.min(received.length - 1, replies.length - 1)];
	const scope = nock(BASE_URL).persist();
	for (const method of ['GET', 'PUT', 'POST', 'PATCH', 'DELETE']) {
		scope.intercept(/.*/, method).reply(function (path, body, callback) {
			const request: ReceivedRequest = {
				method: this.req.method,
				path,
				headers: this.req.headers,
				body: typeof body === 'string' && body !== '' ? JSON.parse(body) : body,
				at: Date.now(),
			};
			received.push(request);
			const reply = nextReply(request);
			if (reply.drop) {
				callback(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
				return;
			}
			const answer = () =>
				callback(null, [
					reply.status,
					typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? ''),
					{
						'Content-Type': typeof reply.body === 'string' ? 'text/html' : 'application/json',
						...reply.headers,
					},
				]);
			if (reply.delayMs) void sleep(reply.delayMs).then(answer);
			else answer();
		});
	}
	return { received, scope };
}

/** The documented 200 answer of Update Contact, echoing what was sent. */
export const updated = (id: number, sent: Record<string, unknown> = {}): Reply => ({
	status: 200,
	body: {
		status: 'success',
		message: 'Contact updated successfully',
		data: { id, tenant_id: 13, ...sent, updated_at: '2026-04-16T13:01:10.000000Z' },
	},
});

/** Echoes each request's body back as the updated contact, with the id from the path. */
export const echoUpdate = (request: ReceivedRequest): Reply =>
	updated(Number(request.path.split('/').pop()), request.body as Record<string, unknown>);

export const contactRef = (value: string | number) => ({ __rl: true, mode: 'id', value });

/** The required fields of the documented example request. */
export const documentedExample = {
	contactId: contactRef('451'),
	firstName: 'John',
	lastName: 'Doe',
	phone: '+14155551234',
	type: 'customer',
	updateFields: { statusId: 3 },
};

export const DOCUMENTED_ERRORS = {
	invalidSubdomain: {
		status: 400,
		body: { status: 'error', message: 'Validation failed', errors: 'Invalid tenant subdomain' },
	},
	missingToken: { status: 401, body: { status: 'error', message: 'API token is required' } },
	invalidToken: { status: 401, body: { status: 'error', message: 'Invalid API token' } },
	missingAbility: {
		status: 403,
		body: { status: 'error', message: 'Token does not have the required ability: contacts.update' },
	},
	planLimit: {
		status: 403,
		body: {
			status: 'error',
			message: 'Contact limit exceeded for your current plan. Upgrade to add more contacts.',
		},
	},
	notFound: { status: 404, body: { status: 'error', message: 'Contact not found' } },
	validation: {
		status: 422,
		body: {
			status: 'error',
			message: 'Validation failed',
			errors: {
				phone: ['The phone field is required.'],
				email: ['The email has already been taken.'],
			},
		},
	},
	rateLimited: { status: 429, body: { message: 'Too many requests', retry_after: 1 } },
	serverError: { status: 500, body: { status: 'error', message: 'Failed to update contact' } },
} satisfies Record<string, Reply>;
