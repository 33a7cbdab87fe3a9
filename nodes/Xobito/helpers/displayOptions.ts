import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Scopes a whole operation's parameters at once (n8n's own `updateDisplayOptions` lives in
 * nodes-base and is not available to community packages).
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...displayOptions.show },
			...(displayOptions.hide
				? { hide: { ...property.displayOptions?.hide, ...displayOptions.hide } }
				: {}),
		},
	}));
}
