import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INode,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { XobitoApi } from '../../../credentials/XobitoApi.credentials';
import { networkError, responseError } from './errors';
import { DEFAULT_BASE_URL } from './constants';
import { apiRootFor, describeNetworkFailure, isEnvelope } from './index';

const TEST_TIMEOUT_MS = 15_000;

// Credential tests run without a workflow; errors still need a node to describe.
const testNode: INode = {
	id: 'credential-test',
	name: 'Xobito credential test',
	type: 'n8n-nodes-xobito.xobito',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

interface FullResponse {
	statusCode: number;
	body: unknown;
}

function failed(error: {
	message: string;
	description?: string | null;
}): INodeCredentialTestResult {
	return {
		status: 'Error',
		message: error.description ? `${error.message}. ${error.description}` : error.message,
	};
}

/**
 * The credential's "Test" button: one `GET /contacts?per_page=1`. It tells a wrong token, an
 * unknown workspace and an unreachable server apart, and accepts a token whose only gap is
 * `contacts.read` (the test's own call), since updating contacts does not need it.
 */
export async function checkCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as IDataObject;
	let endpoint;
	try {
		endpoint = apiRootFor(testNode, data);
	} catch (error) {
		return failed(error);
	}
	const failure = { subdomain: endpoint.subdomain, baseUrl: endpoint.baseUrl, attempts: 1 };

	let response: FullResponse;
	try {
		// Credential tests get only the legacy request helper (ICredentialTestFunctions has no httpRequest).
		// The credential's own authenticate() sets the Bearer header, as it does for every other request.
		const { headers } = await new XobitoApi().authenticate(credential.data ?? {}, {
			url: '',
			headers: { Accept: 'application/json' },
		});
		response = (await context.helpers.request({
			method: 'GET',
			uri: `${endpoint.apiRoot}/contacts`,
			qs: { page: 1, per_page: 1 },
			headers,
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: TEST_TIMEOUT_MS,
		})) as FullResponse;
	} catch (error) {
		const { code, message } = describeNetworkFailure(error);
		return failed(networkError(testNode, code, message, TEST_TIMEOUT_MS, failure));
	}

	const { statusCode, body } = response;
	const message = body && typeof body === 'object' ? (body as IDataObject).message : undefined;
	if (statusCode >= 200 && statusCode < 300) {
		if (isEnvelope(body)) {
			return { status: 'OK', message: `Connected to Xobito workspace "${endpoint.subdomain}"` };
		}
		return {
			status: 'Error',
			message: `${endpoint.baseUrl} answered, but not like the Xobito API. Check 'Base URL' (the default is ${DEFAULT_BASE_URL}).`,
		};
	}
	if (
		statusCode === 403 &&
		typeof message === 'string' &&
		/required ability: contacts\.read\b/i.test(message)
	) {
		return {
			status: 'OK',
			message: `Token accepted by workspace "${endpoint.subdomain}". It lacks "contacts.read", which the test uses but updating contacts does not need.`,
		};
	}
	return failed(responseError(testNode, statusCode, body, failure));
}
