import type { FieldSpec } from '../../fields/fieldSpec';

/**
 * Every documented Contact field, once (Xobito's Update Contact page). Add a field here and it
 * appears in the editor, is checked, and is sent.
 */

/** Fields the API requires on every update, shown at the top level of the node. */
export const requiredContactFields: FieldSpec[] = [
	{
		name: 'firstName',
		displayName: 'First Name',
		apiName: 'firstname',
		kind: 'text',
		required: true,
		maxLength: 255,
		description:
			"The contact's first name (at most 255 characters). Xobito needs it on every update.",
		placeholder: 'e.g. John',
	},
	{
		name: 'lastName',
		displayName: 'Last Name',
		apiName: 'lastname',
		kind: 'text',
		required: true,
		maxLength: 255,
		description:
			"The contact's last name (at most 255 characters). Xobito needs it on every update.",
		placeholder: 'e.g. Doe',
	},
	{
		name: 'phone',
		displayName: 'Phone',
		apiName: 'phone',
		kind: 'text',
		required: true,
		maxLength: 20,
		description:
			'Phone number in international format with a leading + (at most 20 characters). Unique within the workspace.',
		placeholder: 'e.g. +14155551234',
	},
	{
		name: 'type',
		displayName: 'Type',
		apiName: 'type',
		kind: 'choice',
		required: true,
		choices: [
			{ name: 'Lead', value: 'lead' },
			{ name: 'Customer', value: 'customer' },
		],
		description: 'Whether the contact is a lead or a customer',
	},
];

/** Optional fields, offered in the 'Update Fields' collection. Only the ones set are sent. */
export const optionalContactFields: FieldSpec[] = [
	{
		name: 'assignedId',
		displayName: 'Assigned User ID',
		apiName: 'assigned_id',
		kind: 'id',
		description:
			'ID of the Xobito user who owns the contact. Xobito has no API to list users, so type the ID shown in the dashboard.',
	},
	{
		name: 'company',
		displayName: 'Company',
		apiName: 'company',
		kind: 'text',
		maxLength: 255,
		description: 'Company name (at most 255 characters)',
		placeholder: 'e.g. Demo Co',
	},
	{
		name: 'countryId',
		displayName: 'Country ID',
		apiName: 'country_id',
		kind: 'id',
		description:
			"ID of the contact's country in Xobito. Xobito has no API to list countries, so type the ID shown in the dashboard.",
	},
	{
		name: 'description',
		displayName: 'Description',
		apiName: 'description',
		kind: 'text',
		multiline: true,
		description: 'Free-form notes about the contact',
	},
	{
		name: 'email',
		displayName: 'Email',
		apiName: 'email',
		kind: 'email',
		maxLength: 191,
		description: 'E-mail address (at most 191 characters). Unique within the workspace.',
	},
	{
		name: 'groups',
		displayName: 'Group Names or IDs',
		apiName: 'groups',
		kind: 'groupNames',
		loadOptionsMethod: 'getGroups',
		description:
			'Groups of the workspace to put the contact in. Choose from the list, or specify names using an <a href="https://docs.n8n.io/code/expressions/">expression</a> (an array, or one comma-separated text).',
	},
	{
		name: 'newGroups',
		displayName: 'New Group Names',
		apiName: 'groups',
		kind: 'groupNames',
		description:
			'Comma-separated names of groups that may not exist yet: Xobito creates missing groups. Sent together with the groups chosen above.',
		placeholder: 'e.g. VIP,Newsletter',
	},
	{
		name: 'sourceId',
		displayName: 'Source Name or ID',
		apiName: 'source_id',
		kind: 'id',
		loadOptionsMethod: 'getSources',
		clearWith: {
			name: 'clearSource',
			displayName: 'Clear Source',
			description:
				"Whether to remove the contact's source (sends null, which Xobito allows on update)",
		},
		description:
			'Where the contact came from. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		name: 'statusId',
		displayName: 'Status Name or ID',
		apiName: 'status_id',
		kind: 'id',
		loadOptionsMethod: 'getStatuses',
		clearWith: {
			name: 'clearStatus',
			displayName: 'Clear Status',
			description:
				"Whether to remove the contact's status (sends null, which Xobito allows on update)",
		},
		description:
			'The contact\'s status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];
