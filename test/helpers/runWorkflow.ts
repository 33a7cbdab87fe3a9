/**
 * Runs the Xobito node the way n8n does: a real `Workflow` (n8n-workflow) executed by n8n-core's
 * `WorkflowExecute`, so parameters, expressions, "On Error" routing, pairing and the HTTP helpers
 * (axios, credential authentication, error wrapping) are n8n's own. Only the credential store is
 * replaced, by `TestCredentialsHelper`, which applies the credential's own `authenticate` block.
 * HTTP goes out for real and is intercepted by nock (or reaches a local server).
 */
import {
	CredentialTestContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	IVersionedNodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

import { XobitoApi } from '../../credentials/XobitoApi.credentials';
import { Xobito } from '../../nodes/Xobito/Xobito.node';

/** A made-up token in Version A format (`apitk_` + 64 characters); tests assert it never leaks. */
export const TEST_TOKEN = 'apitk_'.concat('f00d'.repeat(16));

export const testCredentials = (overrides: IDataObject = {}): ICredentialDataDecryptedObject => ({
	apiToken: TEST_TOKEN,
	subdomain: 'acme',
	baseUrl: 'https://dash.xobito.test',
	...overrides,
});

/** Hands out one credential and authenticates requests with XobitoApi's own `authenticate`. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_type: string,
		options: IHttpRequestOptions,
	) {
		return await new XobitoApi().authenticate(credentials, options);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}

	async getDecrypted() {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return new XobitoApi().properties;
	}
}

/** The trigger of every test workflow: emits the items the test gives it. */
class StartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType> = {
		'test.start': new StartNode(),
		'n8n-nodes-xobito.xobito': new Xobito(),
	};

	getByName(name: string): INodeType | IVersionedNodeType {
		return this.types[name];
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.types[name], version);
	}

	getKnownTypes() {
		return {};
	}
}

function testAdditionalData(
	credentials: ICredentialDataDecryptedObject,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		currentNodeParameters: undefined,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		userId: 'test-user',
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface RunOptions {
	/** Parameters of the Xobito node (resource and operation default to contact/update). */
	parameters: IDataObject;
	/** Input items (json only); one empty item when omitted. */
	items?: IDataObject[];
	onError?: OnError;
	credentials?: ICredentialDataDecryptedObject;
}

/** A node error as n8n stores it in the run (the fields the tests read). */
export interface SerialisedError {
	message: string;
	description?: string;
	httpCode?: string | null;
	name: string;
	context: IDataObject;
}

export interface RunResult {
	run: IRun;
	/** Items of the node's first (success) output. */
	success: INodeExecutionData[];
	/** Items of the error output ("Continue (using error output)"), else []. */
	errors: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	workflowError?: IRun['data']['resultData']['error'];
}

function xobitoNode(parameters: IDataObject, onError?: OnError): INode {
	return {
		id: 'xobito-node',
		name: 'Xobito',
		type: 'n8n-nodes-xobito.xobito',
		typeVersion: 1,
		position: [200, 0],
		parameters: { resource: 'contact', operation: 'update', ...parameters },
		credentials: { xobitoApi: { id: 'cred-1', name: 'Xobito account' } },
		...(onError ? { onError } : {}),
	};
}

/** The editor's view of the node, for its dropdowns and list searches (loadOptions / listSearch). */
export function loadOptionsContext(
	credentials: ICredentialDataDecryptedObject = testCredentials(),
) {
	const node = xobitoNode({});
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes: new TestNodeTypes(),
		active: false,
	});
	return new LoadOptionsContext(
		workflow,
		node,
		testAdditionalData(credentials),
		'parameters.updateFields',
	);
}

/** What the credential's "Test" button runs in n8n: the node's credential test with n8n's test context. */
export async function testCredential(data: ICredentialDataDecryptedObject) {
	const context = new CredentialTestContext();
	return await new Xobito().methods.credentialTest.xobitoApiTest.call(context, {
		id: 'cred-1',
		name: 'Xobito account',
		type: 'xobitoApi',
		data,
	});
}

export async function runXobito(options: RunOptions): Promise<RunResult> {
	const xobito = xobitoNode(options.parameters, options.onError);
	const start: INode = {
		id: 'start-node',
		name: 'Start',
		type: 'test.start',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [start, xobito],
		connections: { Start: { main: [[{ node: 'Xobito', type: 'main', index: 0 }]] } },
		nodeTypes: new TestNodeTypes(),
		active: false,
	});

	const hooks = new ExecutionLifecycleHooks('manual' as WorkflowExecuteMode, 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes: [],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = testAdditionalData(options.credentials ?? testCredentials(), hooks);

	const inputItems = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [inputItems] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await finished;

	const output = run.data.resultData.runData.Xobito?.[0]?.data?.main ?? [];
	return {
		run,
		success: output[0] ?? [],
		errors: output[1] ?? [],
		workflowError: run.data.resultData.error,
	};
}
