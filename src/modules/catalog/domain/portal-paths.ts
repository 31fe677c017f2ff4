/** The portal address of an item's page and of a catalog node's page: one definition for the portal, the API, feeds and the transfers. */
export const itemPath = (organCode: string, id: number) => `/organs/${encodeURIComponent(organCode)}/items/${id}`;
export const nodePath = (organCode: string, nodeId: number) => `/organs/${encodeURIComponent(organCode)}/catalog/${nodeId}`;
/** The organ's whole catalog (every node's items). */
export const catalogPath = (organCode: string) => `/organs/${encodeURIComponent(organCode)}/catalog`;
