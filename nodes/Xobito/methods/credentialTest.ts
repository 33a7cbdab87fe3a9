import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { checkCredential } from '../transport/credentialCheck';

/** The "Test" button of the Xobito API credential (`testedBy` in Xobito.node.ts). */
export async function xobitoApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await checkCredential(this, credential);
}
