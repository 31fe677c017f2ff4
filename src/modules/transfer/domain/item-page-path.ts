/** The portal address of an item's page (catalog's portal routes), where an old address redirects. */
export const itemPagePath = (organCode: string, id: number) => `/organs/${encodeURIComponent(organCode)}/items/${id}`;
