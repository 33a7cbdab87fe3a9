import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from '../nodes/Xobito/transport/constants';

/**
 * Token + workspace subdomain + base URL. The subdomain is a path segment of the API
 * (`{baseUrl}/api/v1/{subdomain}/…`), not part of the host. The "Test" button is implemented
 * by the node (`testedBy` in Xobito.node.ts) so that it can tell a wrong token, an unknown
 * workspace and an unreachable server apart, and accept a token that only lacks
 * `contacts.read`.
 */
export class XobitoApi implements ICredentialType {
	name = 'xobitoApi';

	displayName = 'Xobito API';

	documentationUrl = 'https://documents.xobito.com/developers/authentication';

	icon: Icon = {
		light: 'file:../nodes/Xobito/xobito.svg',
		dark: 'file:../nodes/Xobito/xobito.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'In Xobito open Settings → API Management and copy the API token (it may start with "apitk_" or be 64 hexadecimal characters). The token needs the "contacts.update" ability to update contacts.',
		},
		{
			displayName: 'Workspace Subdomain',
			name: 'subdomain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. acme',
			description:
				'The first part of your Xobito dashboard address: for https://acme.xobito.com it is "acme". Letters, digits and hyphens only.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: DEFAULT_BASE_URL,
			description:
				'Address of the Xobito API. Keep the default unless you run a private Xobito installation or a local sandbox.',
		},
	];

	// A function rather than an `=Bearer {{…}}` expression: n8n would evaluate that expression
	// (in its sandbox) for every request, about 1 ms per item in bulk runs.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.apiToken ?? '')}`,
			},
		};
	}
}
