import { sleep } from 'n8n-workflow';

const MAX_SLEEP_MS = 1000;

/**
 * Shared by every item of one run: spaces request starts to a pace, and holds everyone back
 * while Xobito's rate limit is in force, so one 429 does not become a burst of them.
 */
export class RequestGate {
	private nextStart = 0;

	private pausedUntil = 0;

	constructor(
		private readonly intervalMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/**
	 * Resolves when this caller may send its request, or early once `cancelled()` turns true
	 * (checked at least every second, so stopping an execution never waits out a long pause).
	 */
	async waitForTurn(cancelled: () => boolean = () => false): Promise<void> {
		for (;;) {
			const now = this.now();
			const start = Math.max(now, this.pausedUntil, this.nextStart);
			if (start <= now || cancelled()) {
				this.nextStart = now + this.intervalMs;
				return;
			}
			await sleep(Math.min(start - now, MAX_SLEEP_MS));
		}
	}

	/** Nobody sends before `ms` from now. */
	pauseFor(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
	}
}
