/** The largest number a record's id can be (a 32-bit integer key): a larger number in an address names nothing. */
export const MAX_ADDRESS_NUMBER = 2 ** 31 - 1;

/** A number read from an address: its value, and whether the address wrote it as the portal does (`plain`). */
export type AddressNumber = { value: number; plain: boolean };

/**
 * The number in an address — an item's, a column's, an attachment's, a letter's, a consultation's or a proposal's id
 * (`/organs/{code}/items/{id}`) — as a person types or pastes it: digits only, the full-width digits of a Chinese
 * phone's keyboard (０５) read as digits and leading zeros dropped, so 05, 005 and ５ are the number 5, which the
 * portal writes `5` (`plain` false for the others: the portal answers them with a permanent redirect to the address
 * written plainly, platform/http/plain-numbers.ts). Null for what is no number — a sign, a point, a space, a letter
 * (5.0, -1, 0x5, 5abc), zero, or beyond any id — which no page has. The one reading of such a number for every portal
 * route and for the search's pasted addresses (search/domain/portal-address.ts).
 */
export function addressNumber(raw: string): AddressNumber | null {
  const digits = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  if (!/^\d+$/.test(digits)) return null;
  const significant = digits.replace(/^0+/, '');
  if (significant === '' || significant.length > 10) return null;
  const value = Number(significant);
  return value <= MAX_ADDRESS_NUMBER ? { value, plain: raw === significant } : null;
}

/** The id an address names (addressNumber's value), or 0 — an id no record has — for what is no number. */
export const addressId = (raw: string): number => addressNumber(raw)?.value ?? 0;
