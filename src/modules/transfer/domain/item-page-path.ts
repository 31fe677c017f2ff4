/** The portal address of an item's page (catalog's portal routes), where an old address redirects. */
export const itemPagePath = (organCode: string, id: number) => `/organs/${encodeURIComponent(organCode)}/items/${id}`;

/** The organ code and item number of an item page's address ('/organs/zjj/items/12'), or null for any other address. */
export function itemOfPagePath(address: string): { organCode: string; id: number } | null {
  const m = /^\/organs\/([^/?]+)\/items\/([1-9]\d{0,14})$/.exec(address);
  if (!m) return null;
  try {
    return { organCode: decodeURIComponent(m[1]), id: Number(m[2]) };
  } catch {
    return null;
  }
}
