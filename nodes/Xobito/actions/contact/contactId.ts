import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parsePositiveId, POSITIVE_INTEGER } from '../../fields/fieldSpec';
import { itemLabel } from '../../helpers/itemLabel';

/** The contact to act on: typed or mapped by ID (the default), or picked from the workspace. */
export const contactIdLocator: INodeProperties = {
	displayName: 'Contact',
	name: 'contactId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The contact to update. Map its numeric Xobito ID, or pick it from the list.',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 451',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: POSITIVE_INTEGER.source,
						errorMessage: 'A Xobito contact ID is a positive whole number',
					},
				},
			],
		},
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchContacts', searchable: true },
		},
	],
};

/** The contact ID of an item, as a positive integer; anything else (such as "1/../2") is refused. */
export function readContactId(context: IExecuteFunctions, itemIndex: number): number {
	const raw = context.getNodeParameter('contactId', itemIndex) as unknown;
	// Saved workflows may hold a resource-locator object or (set by hand or by an AI tool) a plain value.
	const value =
		raw && typeof raw === 'object' && '__rl' in raw
			? (raw as unknown as { value: unknown }).value
			: raw;
	const id = parsePositiveId(value);
	if (id === undefined) {
		const shown =
			value === '' || value === undefined || value === null
				? 'empty'
				: `${JSON.stringify(value)}, not a contact ID`;
		throw new NodeOperationError(
			context.getNode(),
			`'Contact' is ${shown}${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description:
					'Give the numeric ID Xobito shows for the contact (e.g. 451). No request was sent for this item.',
			},
		);
	}
	return id;
}
