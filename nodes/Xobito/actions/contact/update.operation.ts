import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildRequestBody, toNodeProperties } from '../../fields/fieldSpec';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { XobitoClient } from '../../transport';
import { requestOptionsCollection } from '../../transport/policy';
import { optionalContactFields, requiredContactFields } from './contact.fields';
import { contactIdLocator, readContactId } from './contactId';

const contactFields = [...requiredContactFields, ...optionalContactFields];
const fieldLabels = Object.fromEntries(
	contactFields.map((field) => [field.apiName, field.displayName]),
);

const properties: INodeProperties[] = [
	contactIdLocator,
	...toNodeProperties(requiredContactFields),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Fields to change. Fields you do not add are not sent, so Xobito keeps their current values.',
		options: toNodeProperties(optionalContactFields),
	},
	requestOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

/** PUT /contacts/{id} with the required fields and the Update Fields that are set; returns the updated contact. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: XobitoClient,
): Promise<IDataObject> {
	const contactId = readContactId(this, itemIndex);
	const values: IDataObject = {
		...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
	};
	for (const field of requiredContactFields) {
		values[field.name] = this.getNodeParameter(field.name, itemIndex, '');
	}
	const body = buildRequestBody(this.getNode(), contactFields, values, itemIndex);
	const { data } = await client.request(
		{ method: 'PUT', path: `/contacts/${contactId}`, body, fieldLabels },
		itemIndex,
	);
	return data;
}
