/** ` [item N]`, the way n8n names an item at the end of a message; empty when there is no item. */
export function itemLabel(itemIndex?: number): string {
	return itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
}
