'use strict';
/**
 * Workflow JSON for the end-to-end runs, built from nodes that exist in n8n 1.x and 2.x:
 * Manual Trigger → Set (raw JSON with the rows) → Split Out (one item per row) → Xobito
 * [→ error output → IF on the HTTP status → No Op "Not Found" / "Other Failure"].
 */

const CREDENTIAL_ID = 'xobitoSandbox01';

function credential({ baseUrl, apiToken, subdomain = 'acme', id = CREDENTIAL_ID }) {
	return [{ id, name: 'Xobito sandbox', type: 'xobitoApi', data: { apiToken, subdomain, baseUrl } }];
}

let counter = 0;
/** n8n wants a 16-character workflow id. */
function workflowId() {
	counter++;
	return `xobitoE2e${String(counter).padStart(7, '0')}`;
}

/**
 * @param rows input items (json) for the Xobito node
 * @param parameters the Xobito node's parameters
 * @param onError n8n's "On Error" setting of the Xobito node
 * @param routeErrors add an IF node on the error output that splits 404 from other failures
 */
function updateWorkflow({ name = 'Xobito e2e', rows, parameters, onError, routeErrors = false, credentialId = CREDENTIAL_ID }) {
	const id = workflowId();
	const nodes = [
		{ id: 'n-trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'n-rows',
			name: 'Rows',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} },
		},
		{
			id: 'n-split',
			name: 'Split Rows',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'rows', options: {} },
		},
		{
			id: 'n-xobito',
			name: 'Xobito',
			type: 'n8n-nodes-xobito.xobito',
			typeVersion: 1,
			position: [600, 0],
			parameters: { resource: 'contact', operation: 'update', ...parameters },
			credentials: { xobitoApi: { id: credentialId, name: 'Xobito sandbox' } },
			...(onError ? { onError } : {}),
		},
	];
	const connections = {
		Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
		Rows: { main: [[{ node: 'Split Rows', type: 'main', index: 0 }]] },
		'Split Rows': { main: [[{ node: 'Xobito', type: 'main', index: 0 }]] },
	};
	if (routeErrors) {
		nodes.push(
			{
				id: 'n-if',
				name: 'Is Not Found',
				type: 'n8n-nodes-base.if',
				typeVersion: 2,
				position: [800, 200],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
						conditions: [
							{
								id: 'c1',
								leftValue: '={{ $json.error.httpCode }}',
								rightValue: 404,
								operator: { type: 'number', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			{ id: 'n-404', name: 'Not Found', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [1000, 100], parameters: {} },
			{ id: 'n-other', name: 'Other Failure', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [1000, 300], parameters: {} },
		);
		connections.Xobito = { main: [[], [{ node: 'Is Not Found', type: 'main', index: 0 }]] };
		connections['Is Not Found'] = {
			main: [[{ node: 'Not Found', type: 'main', index: 0 }], [{ node: 'Other Failure', type: 'main', index: 0 }]],
		};
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

module.exports = { credential, updateWorkflow, CREDENTIAL_ID };
