/** Invariants of what the editor shows, derived from the one field table. */
import type { INodeProperties } from 'n8n-workflow';

import { XobitoApi } from '../../credentials/XobitoApi.credentials';
import {
	optionalContactFields,
	requiredContactFields,
} from '../../nodes/Xobito/actions/contact/contact.fields';
import { Xobito } from '../../nodes/Xobito/Xobito.node';

const { description } = new Xobito();
const byName = (name: string) =>
	description.properties.find((property) => property.name === name) as INodeProperties;

test('public names fixed by the contract', () => {
	expect(description.name).toBe('xobito');
	expect(description.version).toBe(1);
	expect(description.credentials).toEqual([
		{ name: 'xobitoApi', required: true, testedBy: 'xobitoApiTest' },
	]);
	expect(description.usableAsTool).toBe(true);
	expect(new XobitoApi().properties.map((property) => property.name)).toEqual([
		'apiToken',
		'subdomain',
		'baseUrl',
	]);
	expect(new XobitoApi().properties[0].typeOptions).toEqual({ password: true });
	expect(new XobitoApi().properties[2].default).toBe('https://dash.xobito.com');
	expect(byName('contactId').type).toBe('resourceLocator');
	expect(byName('contactId').default).toEqual({ mode: 'id', value: '' });
});

test('every required field is a required top-level parameter, every optional one sits in Update Fields', () => {
	for (const field of requiredContactFields) {
		expect(byName(field.name)).toMatchObject({ displayName: field.displayName, required: true });
	}
	const updateFields = byName('updateFields');
	const offered = (updateFields.options as INodeProperties[]).map((option) => option.name);
	expect(offered).toEqual(
		optionalContactFields.flatMap((field) =>
			field.clearWith ? [field.name, field.clearWith.name] : [field.name],
		),
	);
	expect(offered).toEqual(
		expect.arrayContaining([
			'email',
			'sourceId',
			'statusId',
			'company',
			'description',
			'countryId',
			'assignedId',
			'groups',
		]),
	);
});

test('every parameter of the operation is shown only for Contact → Update', () => {
	for (const property of description.properties.filter(
		(p) => !['resource', 'operation'].includes(p.name),
	)) {
		expect(property.displayOptions?.show).toEqual({ resource: ['contact'], operation: ['update'] });
	}
});

test('the dropdowns named by the fields exist as loadOptions methods', () => {
	const methods = new Xobito().methods.loadOptions as Record<string, unknown>;
	for (const field of optionalContactFields.filter((f) => f.loadOptionsMethod)) {
		expect(typeof methods[field.loadOptionsMethod as string]).toBe('function');
	}
});

test('Options holds the documented run settings with their defaults', () => {
	const options = byName('options').options as INodeProperties[];
	expect(Object.fromEntries(options.map((option) => [option.name, option.default]))).toEqual({
		concurrency: 1,
		maxRetries: 3,
		maxRetryWait: 120,
		requestsPerMinute: 0,
		timeout: 30000,
	});
});
