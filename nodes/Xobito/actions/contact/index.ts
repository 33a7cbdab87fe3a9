import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';

/** Every Contact operation by its value; the router dispatches through this map. */
export const operations = { update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: 'Update a contact by its ID',
				action: 'Update contact',
			},
		],
		default: 'update',
	},
	...update.description,
];
