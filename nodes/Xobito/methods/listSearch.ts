import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { XobitoClient } from '../transport';

function contactLabel(contact: IDataObject): string {
	const name = [contact.firstname, contact.lastname]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(' ');
	const reach = [contact.phone, contact.email]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(', ');
	return `${name || 'Contact'} (${reach || `#${String(contact.id)}`})`;
}

/**
 * Contacts for the 'Contact' picker. Xobito has no search endpoint, so each call reads one page
 * of 100 contacts and filters it here; scrolling the list reads the next page.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) > 0 ? Number(paginationToken) : 1;
	const { data } = await new XobitoClient(this).request({
		method: 'GET',
		path: '/contacts',
		qs: { page, per_page: 100 },
	});
	const rows = Array.isArray(data.data) ? (data.data as IDataObject[]) : [];
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = rows
		.map((contact) => ({ name: contactLabel(contact), value: String(contact.id) }))
		.filter(
			(option) =>
				needle === '' || option.name.toLowerCase().includes(needle) || option.value === needle,
		);
	const lastPage = typeof data.last_page === 'number' ? data.last_page : page;
	return { results, paginationToken: page < lastPage ? String(page + 1) : undefined };
}
