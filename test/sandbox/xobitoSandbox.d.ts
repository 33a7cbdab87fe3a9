/** Types of the sandbox (xobitoSandbox.js) for the TypeScript tests. */
export interface RecordedRequest {
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	rawBody?: string;
	body?: unknown;
}

export interface SandboxFault {
	kind: 'drop' | 'hang' | 'html' | 'malformedJson' | 'noData' | 'status';
	method?: string;
	path?: string;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	times?: number;
}

export interface Sandbox {
	url: string;
	port: number;
	state: {
		workspaces: Record<
			string,
			{ contacts: Array<Record<string, unknown> & { id: number; group_id: number[] }> }
		>;
		faults: SandboxFault[];
	};
	readonly requests: RecordedRequest[];
	injectFaults(...faults: SandboxFault[]): void;
	close(): Promise<void>;
}

export function createSandbox(options?: {
	port?: number;
	rateLimit?: { max: number; windowMs: number } | null;
	latencyMs?: number;
	maxLifetimeMs?: number;
}): Promise<Sandbox>;

export const TOKENS: Record<'full' | 'hex' | 'readOnly' | 'updateOnly' | 'globex', string>;
