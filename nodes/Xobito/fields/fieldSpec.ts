import type { IDataObject, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemLabel } from '../helpers/itemLabel';

/**
 * One field of a Xobito object, declared once. The same entry drives the parameter shown in
 * the n8n editor (`toNodeProperty`), the check made before any request, and the key and JSON
 * type written into the request body (`buildRequestBody`).
 */
export type FieldKind =
	/** Free text, sent as a JSON string. */
	| 'text'
	/** Text that must look like an e-mail address. */
	| 'email'
	/** A positive whole number (an ID), sent as a JSON number. */
	| 'id'
	/** One of a fixed list of values. */
	| 'choice'
	/** Group names; every field of this kind with the same apiName is joined into one comma-separated string. */
	| 'groupNames';

export interface FieldSpec {
	/** Parameter name in the node (public: saved workflows use it). */
	name: string;
	displayName: string;
	/** Key in the Xobito request body. */
	apiName: string;
	kind: FieldKind;
	/** Sent on every request; an empty value is refused. */
	required?: boolean;
	/** Maximum length in Unicode code points, the way the API (Laravel, mb_strlen) counts. */
	maxLength?: number;
	choices?: INodePropertyOptions[];
	/** Fills the editor's dropdown from the workspace (a method in methods/loadOptions.ts). */
	loadOptionsMethod?: string;
	/** A companion boolean that sends `null` for this field, for fields the API documents as nullable. */
	clearWith?: { name: string; displayName: string; description: string };
	description: string;
	placeholder?: string;
	multiline?: boolean;
}

const MAX_ID = Number.MAX_SAFE_INTEGER;
// An address with something before the @ and a dotted domain after it, without spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** A positive whole number written in digits: how a Xobito ID may be given as text. */
export const POSITIVE_INTEGER = /^[1-9][0-9]*$/;

/** Length as the API counts it: Unicode code points (an emoji is one character). */
function codePointLength(value: string): number {
	return [...value].length;
}

/** The parameters shown in the editor for a list of fields. */
export function toNodeProperties(fields: FieldSpec[]): INodeProperties[] {
	return fields.flatMap((field) => {
		const properties = [toNodeProperty(field)];
		if (field.clearWith) {
			properties.push({
				displayName: field.clearWith.displayName,
				name: field.clearWith.name,
				type: 'boolean',
				default: false,
				description: field.clearWith.description,
			});
		}
		return properties;
	});
}

function toNodeProperty(field: FieldSpec): INodeProperties {
	const common = {
		displayName: field.displayName,
		name: field.name,
		description: field.description,
		required: field.required,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
	};
	switch (field.kind) {
		case 'choice':
			return {
				...common,
				type: 'options',
				options: field.choices ?? [],
				default: field.choices?.[0]?.value ?? '',
			};
		case 'groupNames':
			if (field.loadOptionsMethod) {
				return {
					...common,
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: field.loadOptionsMethod },
					default: [],
				};
			}
			return { ...common, type: 'string', default: '' };
		case 'id':
			if (field.loadOptionsMethod) {
				return {
					...common,
					type: 'options',
					typeOptions: { loadOptionsMethod: field.loadOptionsMethod },
					default: '',
				};
			}
			return { ...common, type: 'number', typeOptions: { numberPrecision: 0 }, default: 0 };
		case 'email':
			return {
				...common,
				type: 'string',
				placeholder: field.placeholder ?? 'e.g. name@example.com',
				default: '',
			};
		case 'text':
			return {
				...common,
				type: 'string',
				default: '',
				...(field.multiline ? { typeOptions: { rows: 3 } } : {}),
			};
	}
}

/** Whether a value counts as "not set": nothing is sent for it (so an empty expression never clears a field). */
function isUnset(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

function describeValue(value: unknown): string {
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/** What is wrong with a value (completes "'Field Name' …") and how to fix it. */
class FieldProblem {
	constructor(
		readonly message: string,
		readonly fix: string,
	) {}
}

type Parsed = string | number | FieldProblem;

function parseText(field: FieldSpec, value: unknown): Parsed {
	if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
		return new FieldProblem(
			`must be text, not ${describeValue(value)}`,
			'Map a text value to this field.',
		);
	}
	const text = String(value);
	if (field.maxLength !== undefined && codePointLength(text) > field.maxLength) {
		return new FieldProblem(
			`is ${codePointLength(text)} characters long; Xobito accepts at most ${field.maxLength}`,
			`Shorten the value to ${field.maxLength} characters or fewer.`,
		);
	}
	if (field.kind === 'email' && !EMAIL_SHAPE.test(text)) {
		return new FieldProblem(
			`${describeValue(text)} is not an e-mail address`,
			'Use an address of the form name@example.com, or remove the field to leave the e-mail unchanged.',
		);
	}
	return text;
}

/** A positive whole number given as a number or as digits; anything else is refused. */
export function parsePositiveId(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isInteger(value) && value > 0 && value <= MAX_ID ? value : undefined;
	}
	if (typeof value === 'string' && POSITIVE_INTEGER.test(value)) {
		const id = Number(value);
		return id <= MAX_ID ? id : undefined;
	}
	return undefined;
}

function parseId(value: unknown): Parsed {
	const id = parsePositiveId(value);
	if (id === undefined) {
		return new FieldProblem(
			`must be a positive whole number (an ID), not ${describeValue(value)}`,
			'Choose a value from the list, or map the numeric ID shown in Xobito.',
		);
	}
	return id;
}

function parseChoice(field: FieldSpec, value: unknown): Parsed {
	const allowed = (field.choices ?? []).map((choice) => choice.value);
	if (typeof value !== 'string' || !allowed.includes(value)) {
		return new FieldProblem(
			`must be one of ${allowed.map((choice) => `"${String(choice)}"`).join(', ')}, not ${describeValue(value)}`,
			'Pick one of the listed values.',
		);
	}
	return value;
}

function parseGroupNames(value: unknown): Parsed {
	if (typeof value === 'string') return value;
	if (
		Array.isArray(value) &&
		value.every((name) => typeof name === 'string' && name.trim() !== '')
	) {
		return value.join(',');
	}
	return new FieldProblem(
		`must be group names, not ${describeValue(value)}`,
		'Select groups from the list, or give their names separated by commas (e.g. VIP,Newsletter).',
	);
}

function parseValue(field: FieldSpec, value: unknown): Parsed {
	switch (field.kind) {
		case 'text':
		case 'email':
			return parseText(field, value);
		case 'id':
			return parseId(value);
		case 'choice':
			return parseChoice(field, value);
		case 'groupNames':
			return parseGroupNames(value);
	}
}

/**
 * Checks every field and builds the request body. Only required fields and the fields the user
 * set are written; a cleared field is written as `null`. The first problem found is thrown as a
 * NodeOperationError naming the field and the item, before any request is sent.
 */
export function buildRequestBody(
	node: INode,
	fields: FieldSpec[],
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	for (const field of fields) {
		const parsed = readField(field, values);
		if (parsed instanceof FieldProblem) {
			throw new NodeOperationError(
				node,
				`'${field.displayName}' ${parsed.message}${itemLabel(itemIndex)}`,
				{
					itemIndex,
					description: `${parsed.fix} No request was sent for this item.`,
				},
			);
		}
		if (parsed === undefined) continue;
		const earlier = body[field.apiName];
		body[field.apiName] =
			field.kind === 'groupNames' && typeof earlier === 'string' && parsed !== null
				? `${earlier},${parsed}`
				: parsed;
	}
	return body;
}

/** The value to send for one field: undefined when nothing is sent, null when it is cleared. */
function readField(field: FieldSpec, values: IDataObject): Parsed | null | undefined {
	const value = values[field.name];
	if (field.clearWith && values[field.clearWith.name] === true) {
		if (!isUnset(value)) {
			return new FieldProblem(
				`is set while '${field.clearWith.displayName}' is on`,
				`Either set '${field.displayName}' or turn on '${field.clearWith.displayName}', not both.`,
			);
		}
		return null;
	}
	if (isUnset(value)) {
		return field.required
			? new FieldProblem(
					'is empty',
					`Xobito needs '${field.displayName}' on every update: set it or map it from the input.`,
				)
			: undefined;
	}
	return parseValue(field, value);
}
