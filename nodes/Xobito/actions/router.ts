import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { XobitoClient } from '../transport';
import { readRequestPolicy } from '../transport/policy';
import * as contact from './contact';

/** What every operation module exports besides its description. */
interface XobitoOperation {
	execute(this: IExecuteFunctions, itemIndex: number, client: XobitoClient): Promise<IDataObject>;
}

// A new operation is registered in its resource's index.ts; a new resource adds one line here.
const resources: Record<string, Record<string, XobitoOperation>> = {
	contact: contact.operations,
};

/**
 * The item of a failed input. n8n sends an item to the error output only when its json is
 * `{ error }` (or `{ error, message }`), and n8n 2.x replaces the json of an item carrying
 * `item.error` with the bare message. So the details IF and Switch nodes route on (HTTP status,
 * field errors) travel inside `json.error`, and `item.error` is not used.
 */
function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const httpCode = Number('httpCode' in error ? error.httpCode : undefined);
	return {
		json: {
			error: {
				message: error.message,
				description: error.description ?? null,
				httpCode: Number.isInteger(httpCode) && httpCode > 0 ? httpCode : null,
				fieldErrors: (error.context?.fieldErrors as IDataObject | undefined) ?? null,
			},
		},
		pairedItem: { item: itemIndex },
	};
}

/**
 * The error as an n8n node error that names its item. Node errors are recognised by shape, not
 * instanceof: n8n and this package may load different copies of n8n-workflow.
 */
function asItemError(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const nodeError = error as NodeOperationError;
	if (nodeError.node && nodeError.context && typeof nodeError.context === 'object') {
		if (nodeError.context.itemIndex === undefined) nodeError.context.itemIndex = itemIndex;
		return nodeError;
	}
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}

/**
 * The node's one item loop. Every input item gives exactly one output item, paired to it:
 * the API's data on success, or (with "On Error → Continue") an error item. Up to
 * `concurrency` items are in flight; the output keeps the input order.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not known`,
			{
				description: 'Open the node and choose the resource and operation again.',
			},
		);
	}

	const output: INodeExecutionData[] = new Array(items.length);
	const fail = (itemIndex: number, cause: Error) => {
		output[itemIndex] = errorItem(asItemError(this, cause, itemIndex), itemIndex);
	};

	// Pacing and concurrency apply to the whole run, so the Options of the first item decide them.
	let client: XobitoClient;
	try {
		client = new XobitoClient(
			this,
			readRequestPolicy(this.getNode(), this.getNodeParameter('options', 0, {}) as IDataObject, 0),
		);
	} catch (error) {
		if (!this.continueOnFail()) throw asItemError(this, error, 0);
		items.forEach((_, itemIndex) => fail(itemIndex, error));
		return [output];
	}

	let next = 0;
	// Stop-on-error mode: after a failure no new item starts; the lowest failed item is reported.
	const failures: Array<{ itemIndex: number; error: Error }> = [];
	const worker = async () => {
		while (next < items.length && failures.length === 0) {
			const itemIndex = next++;
			try {
				const json = await operation.execute.call(this, itemIndex, client);
				output[itemIndex] = { json, pairedItem: { item: itemIndex } };
			} catch (error) {
				if (this.continueOnFail()) {
					fail(itemIndex, error);
				} else {
					failures.push({ itemIndex, error });
				}
			}
		}
	};
	await Promise.all(
		Array.from({ length: Math.min(client.policy.concurrency, items.length) }, worker),
	);

	if (failures.length > 0) {
		const first = failures.reduce((a, b) => (b.itemIndex < a.itemIndex ? b : a));
		throw asItemError(this, first.error, first.itemIndex);
	}
	return [output];
}
