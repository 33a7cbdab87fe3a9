import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { XobitoClient } from '../transport';

/** Every row of a workspace list (all pages), as dropdown options sorted by name. */
async function loadNamedRows(
	context: ILoadOptionsFunctions,
	path: string,
	toValue: (row: IDataObject) => string | number,
): Promise<INodePropertyOptions[]> {
	const rows = await new XobitoClient(context).listAll(path);
	return rows
		.filter((row) => typeof row.name === 'string')
		.map((row) => ({ name: row.name as string, value: toValue(row) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadNamedRows(this, '/statuses', (row) => row.id as number);
}

export async function getSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadNamedRows(this, '/sources', (row) => row.id as number);
}

/** Groups are written by name (the API creates missing ones), so the option value is the name. */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadNamedRows(this, '/groups', (row) => row.name as string);
}
