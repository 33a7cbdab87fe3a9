import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemLabel } from '../helpers/itemLabel';

/** How requests are sent, paced and retried during one run of the node. */
export interface RequestPolicy {
	/** Milliseconds one request may take before it is abandoned. */
	timeout: number;
	/** How often a transient failure (5xx, dropped connection, timeout) is retried per item. */
	maxRetries: number;
	/** Longest wait, in seconds, the node accepts when Xobito answers 429 with `retry_after`. */
	maxRetryWait: number;
	/** How many items are in flight at once. */
	concurrency: number;
	/** Proactive pace across all items; 0 means no pacing. */
	requestsPerMinute: number;
}

export const DEFAULT_POLICY: RequestPolicy = {
	timeout: 30_000,
	maxRetries: 3,
	maxRetryWait: 120,
	concurrency: 1,
	requestsPerMinute: 0,
};

/** Consecutive 429 answers accepted for one request before the item fails; keeps every loop bounded. */
export const MAX_RATE_LIMIT_WAITS = 10;

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 8_000;

interface PolicyLimit {
	name: keyof RequestPolicy;
	displayName: string;
	min: number;
	max: number;
	description: string;
}

// Declared once: the editor's Options collection and the range check both come from this table.
const POLICY_LIMITS: PolicyLimit[] = [
	{
		name: 'concurrency',
		displayName: 'Concurrency',
		min: 1,
		max: 20,
		description:
			"How many items are sent to Xobito at the same time. Keep 1 unless your token's rate limit is well above 60 requests per minute. Output order always follows input order.",
	},
	{
		name: 'maxRetries',
		displayName: 'Max Retries',
		min: 0,
		max: 10,
		description:
			'How often an item is sent again after a server error (5xx), a dropped connection or a timeout, with growing pauses in between. 0 turns retries off. Other errors are never retried.',
	},
	{
		name: 'maxRetryWait',
		displayName: 'Max Rate-Limit Wait (Seconds)',
		min: 0,
		max: 3600,
		description:
			'When Xobito answers "Too many requests" it says how long to wait. The node waits and sends the item again, unless the wait is longer than this; then the item fails with a message saying when the limit resets.',
	},
	{
		name: 'requestsPerMinute',
		displayName: 'Requests per Minute',
		min: 0,
		max: 6000,
		description:
			'Spread requests so that no more than this many start per minute, to stay under a known rate limit without being throttled. 0 sends as fast as Xobito allows.',
	},
	{
		name: 'timeout',
		displayName: 'Timeout (Ms)',
		min: 1,
		max: 600_000,
		description:
			'How long one request may take, in milliseconds, before it is abandoned (and retried if retries are on)',
	},
];

export const requestOptionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: POLICY_LIMITS.map((limit) => {
		const fallback = DEFAULT_POLICY[limit.name];
		return {
			displayName: limit.displayName,
			name: limit.name,
			type: 'number',
			typeOptions: { minValue: limit.min, maxValue: limit.max, numberPrecision: 0 },
			default: fallback,
			description: limit.description,
		};
	}),
};

/** Reads the Options collection; an out-of-range value is refused naming the option. */
export function readRequestPolicy(
	node: INode,
	options: IDataObject,
	itemIndex: number,
): RequestPolicy {
	const policy = { ...DEFAULT_POLICY };
	for (const limit of POLICY_LIMITS) {
		const value = options[limit.name];
		if (value === undefined || value === null || value === '') continue;
		const number = typeof value === 'string' ? Number(value) : value;
		if (
			typeof number !== 'number' ||
			!Number.isInteger(number) ||
			number < limit.min ||
			number > limit.max
		) {
			throw new NodeOperationError(
				node,
				`'${limit.displayName}' must be a whole number from ${limit.min} to ${limit.max}, not ${JSON.stringify(value)}${itemLabel(itemIndex)}`,
				{ itemIndex, description: 'Correct the value under Options. No request was sent.' },
			);
		}
		policy[limit.name] = number;
	}
	return policy;
}

/** Capped exponential backoff with full jitter, for retry number `attempt` (1, 2, …). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
	// Half fixed, half random: never a zero wait, and parallel workers spread out.
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function toSeconds(value: unknown): number | undefined {
	const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
		? seconds
		: undefined;
}

/**
 * Seconds Xobito asks to wait after a 429: the documented `retry_after` body field, else a
 * `Retry-After` header (seconds or an HTTP date), else undefined.
 */
export function retryAfterSeconds(
	body: unknown,
	headers: IDataObject | undefined,
	now: number = Date.now(),
): number | undefined {
	if (body && typeof body === 'object') {
		const fromBody = toSeconds((body as IDataObject).retry_after);
		if (fromBody !== undefined) return fromBody;
	}
	const header = headers?.['retry-after'];
	if (typeof header !== 'string') return undefined;
	const fromHeader = toSeconds(header);
	if (fromHeader !== undefined) return fromHeader;
	const date = Date.parse(header);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
