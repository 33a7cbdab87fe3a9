import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

export { CREDENTIAL_NAME, DEFAULT_BASE_URL } from './constants';
import type { FailureContext } from './errors';
import {
	isTimeout,
	malformedResponseError,
	networkError,
	rateLimitError,
	responseError,
} from './errors';
import { itemLabel } from '../helpers/itemLabel';
import { CREDENTIAL_NAME, DEFAULT_BASE_URL } from './constants';
import { RequestGate } from './gate';
import type { RequestPolicy } from './policy';
import { backoffDelay, DEFAULT_POLICY, MAX_RATE_LIMIT_WAITS, retryAfterSeconds } from './policy';

const SUBDOMAIN_SHAPE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNABORTED',
	'ETIMEDOUT',
]);

export interface XobitoRequest {
	method: IHttpRequestMethods;
	/** Path below `/api/v1/{subdomain}`, e.g. `/contacts/451`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** API field name → label, to name fields in validation errors. */
	fieldLabels?: Record<string, string>;
}

/** The documented success envelope: `{ status: 'success', data, message? }`. */
export interface XobitoEnvelope extends IDataObject {
	data: IDataObject;
}

/** Whether a 2xx body is the documented envelope, with `data` as an object. */
export function isEnvelope(body: unknown): body is XobitoEnvelope {
	const data = body && typeof body === 'object' ? (body as IDataObject).data : undefined;
	return Boolean(data) && typeof data === 'object';
}

interface Endpoint {
	apiRoot: string;
	subdomain: string;
	baseUrl: string;
}

interface HttpAnswer {
	statusCode: number;
	body: unknown;
	headers?: IDataObject;
}

type Attempt = { answer: HttpAnswer } | { failure: { code?: string; message: string } };

type XobitoContext = IExecuteFunctions | ILoadOptionsFunctions;

const NETWORK_CODE = /^E[A-Z_]+$/;

/**
 * The Node.js error code and text of a request that got no HTTP answer. n8n wraps the network
 * error in a NodeApiError, differently across versions: the code may sit on the cause, on the
 * error itself, or (found by NodeApiError) in httpCode, and the text may have been replaced.
 */
export function describeNetworkFailure(error: IDataObject): { code?: string; message: string } {
	const cause = (error?.cause ?? {}) as IDataObject;
	const nested = (cause.cause ?? {}) as IDataObject;
	const code = [cause.code, error?.code, error?.httpCode, nested.code].find(
		(candidate): candidate is string =>
			typeof candidate === 'string' && NETWORK_CODE.test(candidate),
	);
	const texts = [cause.message, error?.description, error?.message].filter(
		(text) => typeof text === 'string',
	);
	return { code, message: texts.join(' ') };
}

/** Builds `{baseUrl}/api/v1/{subdomain}` from the credential, refusing values that would change the URL's meaning. */
export function apiRootFor(node: INode, credentials: IDataObject, itemIndex?: number): Endpoint {
	const subdomain = typeof credentials.subdomain === 'string' ? credentials.subdomain.trim() : '';
	const rawBaseUrl =
		typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() !== ''
			? credentials.baseUrl.trim()
			: DEFAULT_BASE_URL;
	if (!SUBDOMAIN_SHAPE.test(subdomain)) {
		throw new NodeOperationError(
			node,
			`The credential's 'Workspace Subdomain' ${JSON.stringify(subdomain)} is not a workspace name${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description:
					'Use only letters, digits and hyphens: for https://acme.xobito.com the subdomain is "acme". No request was sent.',
			},
		);
	}
	let url: URL | undefined;
	try {
		url = new URL(rawBaseUrl);
	} catch {
		url = undefined;
	}
	if (
		!url ||
		!['http:', 'https:'].includes(url.protocol) ||
		url.search ||
		url.hash ||
		url.username ||
		url.password
	) {
		throw new NodeOperationError(
			node,
			`The credential's 'Base URL' ${JSON.stringify(rawBaseUrl)} is not a web address${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description: `Use an address such as ${DEFAULT_BASE_URL} (no query, fragment or login in it). No request was sent.`,
			},
		);
	}
	const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
	return { apiRoot: `${baseUrl}/api/v1/${subdomain}`, subdomain, baseUrl };
}

/**
 * The only place that talks HTTP to Xobito. One client serves one run of the node: it shares
 * the pace and any rate-limit pause between items, retries what is safe to retry, and maps
 * every failure to a NodeApiError (errors.ts).
 */
export class XobitoClient {
	private credentials: Promise<ICredentialDataDecryptedObject> | undefined;

	private readonly gate: RequestGate;

	constructor(
		private readonly context: XobitoContext,
		readonly policy: RequestPolicy = DEFAULT_POLICY,
	) {
		this.gate = new RequestGate(
			policy.requestsPerMinute > 0 ? 60_000 / policy.requestsPerMinute : 0,
		);
	}

	private async send(
		options: IHttpRequestOptions,
		credentials: ICredentialDataDecryptedObject,
	): Promise<Attempt> {
		try {
			// The credential was read once for the run: handing it over spares n8n decrypting it again per request.
			const response = (await this.context.helpers.httpRequestWithAuthentication.call(
				this.context,
				CREDENTIAL_NAME,
				options,
				{
					credentialsDecrypted: {
						id: CREDENTIAL_NAME,
						name: CREDENTIAL_NAME,
						type: CREDENTIAL_NAME,
						data: credentials,
					},
				},
			)) as { statusCode: number; body: unknown; headers?: IDataObject };
			return {
				answer: { statusCode: response.statusCode, body: response.body, headers: response.headers },
			};
		} catch (error) {
			// With ignoreHttpStatusErrors only failures without an HTTP answer land here.
			return { failure: describeNetworkFailure(error) };
		}
	}

	/** Whether the user stopped the execution (only executions can be stopped; dropdowns cannot). */
	private isCancelled(): boolean {
		const context = this.context as Partial<IExecuteFunctions>;
		return context.getExecutionCancelSignal?.()?.aborted === true;
	}

	/** Sends one request, waiting out rate limits and retrying transient failures within the policy. */
	async request(request: XobitoRequest, itemIndex?: number): Promise<XobitoEnvelope> {
		this.credentials ??= this.context.getCredentials(CREDENTIAL_NAME);
		const credentials = await this.credentials;
		const node = this.context.getNode();
		const endpoint = apiRootFor(node, credentials, itemIndex);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${endpoint.apiRoot}${request.path}`,
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.policy.timeout,
			...(request.body ? { body: request.body } : {}),
			...(request.qs ? { qs: request.qs } : {}),
		};
		const failure: FailureContext = {
			itemIndex,
			subdomain: endpoint.subdomain,
			baseUrl: endpoint.baseUrl,
			fieldLabels: request.fieldLabels,
			attempts: 0,
		};
		let retries = 0;
		let rateLimitWaits = 0;
		const cancelled = () => this.isCancelled();
		for (;;) {
			await this.gate.waitForTurn(cancelled);
			if (cancelled()) {
				throw new NodeOperationError(
					node,
					`The execution was stopped before this item was sent${itemLabel(itemIndex)}`,
					{ itemIndex },
				);
			}
			failure.attempts++;
			const attempt = await this.send(options, credentials);

			if ('failure' in attempt) {
				const { code, message } = attempt.failure;
				const transient =
					(code !== undefined && TRANSIENT_NETWORK_CODES.has(code)) || isTimeout(code, message);
				if (transient && retries < this.policy.maxRetries) {
					retries++;
					await sleep(backoffDelay(retries));
					continue;
				}
				throw networkError(node, code, message, this.policy.timeout, failure);
			}

			const { statusCode, body, headers } = attempt.answer;
			if (statusCode >= 200 && statusCode < 300) {
				if (isEnvelope(body)) return body;
				throw malformedResponseError(node, statusCode, body, failure);
			}
			if (statusCode === 429) {
				const waitSeconds = retryAfterSeconds(body, headers) ?? 1;
				if (waitSeconds > this.policy.maxRetryWait || rateLimitWaits >= MAX_RATE_LIMIT_WAITS) {
					throw rateLimitError(node, waitSeconds, this.policy.maxRetryWait, failure);
				}
				rateLimitWaits++;
				this.gate.pauseFor(waitSeconds * 1000);
				continue;
			}
			if (TRANSIENT_STATUS.has(statusCode) && retries < this.policy.maxRetries) {
				retries++;
				await sleep(backoffDelay(retries));
				continue;
			}
			throw responseError(node, statusCode, body, failure);
		}
	}

	/** Every row of a paginated list endpoint (Laravel paginator nested in `data`), page by page. */
	async listAll(path: string, maxPages = 100): Promise<IDataObject[]> {
		const rows: IDataObject[] = [];
		for (let page = 1; page <= maxPages; page++) {
			const { data } = await this.request({ method: 'GET', path, qs: { page, per_page: 100 } });
			const pageRows = Array.isArray(data.data) ? (data.data as IDataObject[]) : [];
			rows.push(...pageRows);
			const lastPage = typeof data.last_page === 'number' ? data.last_page : page;
			if (page >= lastPage || pageRows.length === 0) break;
		}
		return rows;
	}
}
