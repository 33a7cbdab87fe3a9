/** The arithmetic behind retries and rate-limit waits. */
import { RequestGate } from '../../nodes/Xobito/transport/gate';
import { backoffDelay, retryAfterSeconds } from '../../nodes/Xobito/transport/policy';

describe('backoffDelay', () => {
	test('grows exponentially from 250 ms and is capped at 8 s, with jitter in the upper half', () => {
		const lowest = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffDelay(attempt, () => 0));
		const highest = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffDelay(attempt, () => 1));
		expect(lowest).toEqual([125, 250, 500, 1000, 2000, 4000, 4000, 4000]);
		expect(highest).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
	});
});

describe('retryAfterSeconds', () => {
	const now = Date.parse('2026-12-03T10:00:00Z');
	test.each([
		['the documented body field', { message: 'Too many requests', retry_after: 45 }, {}, 45],
		['a body field given as text', { retry_after: '7' }, {}, 7],
		['the body wins over a header', { retry_after: 3 }, { 'retry-after': '60' }, 3],
		[
			'a Retry-After header in seconds',
			{ message: 'Too many requests' },
			{ 'retry-after': '12' },
			12,
		],
		['a Retry-After header as a date', {}, { 'retry-after': 'Thu, 03 Dec 2026 10:00:30 GMT' }, 30],
		['a date in the past', {}, { 'retry-after': 'Thu, 03 Dec 2026 09:00:00 GMT' }, 0],
		['nothing usable', { retry_after: -5 }, { 'retry-after': 'soon' }, undefined],
		['a body that is not JSON', '<html>', {}, undefined],
	])('%s', (_name, body, headers, expected) => {
		expect(retryAfterSeconds(body, headers, now)).toBe(expected);
	});
});

describe('RequestGate', () => {
	test('spaces request starts by the pace interval', async () => {
		const gate = new RequestGate(100);
		const starts: number[] = [];
		for (let i = 0; i < 4; i++) {
			await gate.waitForTurn();
			starts.push(Date.now());
		}
		const gaps = starts.slice(1).map((start, i) => start - starts[i]);
		expect(gaps.every((gap) => gap >= 95)).toBe(true);
	});

	test('a pause holds back every caller until it ends', async () => {
		const gate = new RequestGate(0);
		const pausedAt = Date.now();
		gate.pauseFor(300);
		const waited = await Promise.all(
			[1, 2, 3].map(async () => {
				await gate.waitForTurn();
				return Date.now() - pausedAt;
			}),
		);
		expect(waited.every((ms) => ms >= 295)).toBe(true);
	});
});
