import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { itemLabel } from '../helpers/itemLabel';

/**
 * Turns every way a Xobito request can fail into a NodeApiError whose message is what happened
 * (the API's own message where it sent one), whose description says how to fix it, with
 * `httpCode`, `itemIndex` and, for validation failures, `context.fieldErrors` set.
 *
 * Messages never contain Node.js error codes such as ECONNREFUSED: NodeApiError would replace a
 * message containing one with a generic text. The codes go into the description instead.
 */

export interface FailureContext {
	itemIndex?: number;
	/** Workspace subdomain, to name it in hints. */
	subdomain: string;
	/** Base URL of the credential, to name it in hints. */
	baseUrl: string;
	/** API field name → the label the user knows, for listing validation errors. */
	fieldLabels?: Record<string, string>;
	/** How many times the request was sent. */
	attempts: number;
}

const SNIPPET_LENGTH = 200;

function apiMessage(body: unknown): string | undefined {
	if (body && typeof body === 'object' && typeof (body as IDataObject).message === 'string') {
		return (body as IDataObject).message as string;
	}
	return undefined;
}

function snippet(body: unknown): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}...` : flat;
}

/** `errors` as the API sends it: an object of arrays per field, or (on the subdomain error) a string. */
function fieldErrorsOf(body: unknown): IDataObject | undefined {
	const errors = body && typeof body === 'object' ? (body as IDataObject).errors : undefined;
	return errors && typeof errors === 'object' && !Array.isArray(errors)
		? (errors as IDataObject)
		: undefined;
}

function listFieldErrors(fieldErrors: IDataObject, labels: Record<string, string> = {}): string {
	return Object.entries(fieldErrors)
		.map(([field, problems]) => {
			const text = Array.isArray(problems) ? problems.join(' ') : String(problems);
			return `${labels[field] ?? field}: ${text}`;
		})
		.join('; ');
}

function retriedNote(attempts: number): string {
	return attempts > 1 ? ` The request was sent ${attempts} times.` : '';
}

function build(
	node: INode,
	response: JsonObject,
	message: string,
	description: string,
	context: FailureContext,
	httpCode?: number,
	fieldErrors?: IDataObject,
): NodeApiError {
	// The API's message stays as Xobito wrote it; the item it concerns is named in the description.
	const error = new NodeApiError(node, response, {
		message,
		description: `${description}${itemLabel(context.itemIndex)}`,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
		itemIndex: context.itemIndex,
	});
	if (fieldErrors) error.context.fieldErrors = fieldErrors;
	return error;
}

/** An HTTP answer that is not a success. */
export function responseError(
	node: INode,
	statusCode: number,
	body: unknown,
	context: FailureContext,
): NodeApiError {
	const message = apiMessage(body);
	const errors = body && typeof body === 'object' ? (body as IDataObject).errors : undefined;
	const fieldErrors = fieldErrorsOf(body);
	const response: JsonObject =
		body && typeof body === 'object' ? (body as JsonObject) : { body: snippet(body) };
	const fallback = `Xobito answered HTTP ${statusCode}`;

	if (typeof body !== 'object' || body === null || message === undefined) {
		return build(
			node,
			response,
			`${fallback} without a JSON error message`,
			`The response began with: ${snippet(body) || '(empty)'}. Check that 'Base URL' in the credential (${context.baseUrl}) is the Xobito API address.${retriedNote(context.attempts)}`,
			context,
			statusCode,
		);
	}

	if (statusCode === 400 && typeof errors === 'string') {
		const hint =
			errors === 'Invalid tenant subdomain'
				? `No Xobito workspace is called "${context.subdomain}". Check 'Workspace Subdomain' in the credential: for https://acme.xobito.com it is "acme".`
				: `Xobito refused the request (${message}). Check the values sent.`;
		return build(node, response, errors, hint, context, statusCode);
	}
	if (statusCode === 401) {
		return build(
			node,
			response,
			message,
			"Xobito did not accept the API token. In Xobito open Settings → API Management, copy the token again and paste it into the 'API Token' of the Xobito credential.",
			context,
			statusCode,
		);
	}
	if (statusCode === 403) {
		const hint = /required ability/i.test(message)
			? 'The API token lacks the ability named above. Give the token that ability in Xobito under Settings → API Management, or use a token that has it.'
			: /limit/i.test(message)
				? 'Your Xobito plan does not allow this. Upgrade the plan in Xobito, or free up room (for example, remove unused contacts).'
				: "Xobito refused the request for this token. Check the token's abilities in Settings → API Management.";
		return build(node, response, message, hint, context, statusCode);
	}
	if (statusCode === 404) {
		return build(
			node,
			response,
			message,
			`Nothing with this ID exists in workspace "${context.subdomain}". Check the ID you gave (it must be the numeric ID Xobito shows for the record).`,
			context,
			statusCode,
		);
	}
	if (statusCode === 422) {
		const listed = fieldErrors
			? listFieldErrors(fieldErrors, context.fieldLabels)
			: typeof errors === 'string'
				? errors
				: '';
		return build(
			node,
			response,
			message,
			listed
				? `Xobito refused these values: ${listed}. Correct them in the input and run again.`
				: 'Xobito refused the values sent. Correct them in the input and run again.',
			context,
			statusCode,
			fieldErrors,
		);
	}
	if (statusCode >= 500) {
		return build(
			node,
			response,
			message,
			`Xobito could not complete the request.${retriedNote(context.attempts)} Try again later; if it keeps happening, contact Xobito support.`,
			context,
			statusCode,
		);
	}
	return build(
		node,
		response,
		message,
		`${fallback}.${retriedNote(context.attempts)}`,
		context,
		statusCode,
		fieldErrors,
	);
}

/** A 2xx answer that is not the documented JSON envelope. */
export function malformedResponseError(
	node: INode,
	statusCode: number,
	body: unknown,
	context: FailureContext,
): NodeApiError {
	const problem =
		typeof body === 'object' && body !== null ? "is JSON without the 'data' field" : 'is not JSON';
	return build(
		node,
		{ body: snippet(body) },
		`Xobito answered HTTP ${statusCode} but the response ${problem}`,
		`The response began with: ${snippet(body) || '(empty)'}. Check that 'Base URL' in the credential (${context.baseUrl}) is the Xobito API address. The update may or may not have been applied.`,
		context,
		statusCode,
	);
}

/** A 429 whose wait is longer than the user allows, or too many of them in a row. */
export function rateLimitError(
	node: INode,
	waitSeconds: number,
	maxWaitSeconds: number,
	context: FailureContext,
	now: number = Date.now(),
): NodeApiError {
	const resetsAt = new Date(now + waitSeconds * 1000).toISOString();
	const why =
		waitSeconds > maxWaitSeconds
			? `Xobito asks to wait ${waitSeconds} s, longer than 'Max Rate-Limit Wait' (${maxWaitSeconds} s).`
			: `Xobito kept answering "Too many requests" after ${context.attempts} tries.`;
	return build(
		node,
		{ message: 'Too many requests', retry_after: waitSeconds },
		`Xobito's rate limit was reached: Too many requests`,
		`${why} The limit resets at ${resetsAt}. Raise 'Max Rate-Limit Wait', set 'Requests per Minute' below your token's limit, or run again later.`,
		context,
		429,
	);
}

const NETWORK_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'nothing accepted the connection',
	ECONNRESET: 'the connection was closed before Xobito answered',
	ENOTFOUND: 'the host name could not be found',
	EAI_AGAIN: 'the host name could not be looked up',
	EHOSTUNREACH: 'the host cannot be reached',
	EPIPE: 'the connection was closed while sending',
};

/** Whether a request failure without an HTTP answer is a timeout. */
export function isTimeout(code: string | undefined, message: string): boolean {
	return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(message);
}

/** No HTTP answer at all: a timeout, a refused or dropped connection, an unknown host. */
export function networkError(
	node: INode,
	code: string | undefined,
	rawMessage: string,
	timeoutMs: number,
	context: FailureContext,
): NodeApiError {
	const response = { networkError: code ?? 'unknown' };
	if (isTimeout(code, rawMessage)) {
		return build(
			node,
			response,
			`Xobito did not answer within ${timeoutMs} ms`,
			`The request timed out (${code ?? 'timeout'}).${retriedNote(context.attempts)} Raise the 'Timeout' option, or try again later.`,
			context,
		);
	}
	const problem = (code && NETWORK_PROBLEMS[code]) ?? 'the request failed before Xobito answered';
	return build(
		node,
		response,
		`Could not reach Xobito at ${context.baseUrl}`,
		`${problem[0].toUpperCase()}${problem.slice(1)} (${code ?? rawMessage}).${retriedNote(context.attempts)} Check 'Base URL' in the credential and that the server is up.`,
		context,
	);
}
