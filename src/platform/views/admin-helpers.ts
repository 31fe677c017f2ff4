import { ZodError } from 'zod';
import { DomainError } from '../../shared/domain-error.ts';
import type { FieldErrors } from './components.tsx';

/** The flash (a one-time message after a redirect, and where on the page it is shown): flash.tsx. */
export { setFlash, takeFlash, type Flash } from './flash.tsx';

/** The other item a field's refusal names (ErrorReason.itemId), kept beside the messages fieldErrorsOf made. */
const itemsNamed = new WeakMap<FieldErrors, Record<string, number>>();

/**
 * The id of the other item the refusal of `field` names (ERR_CATALOG_DOCUMENT_NUMBER_TAKEN: the item holding the 文号),
 * when `errors` came from fieldErrorsOf; else null. The page links it where the person may see it, and names it only
 * (the message does) where not.
 */
export const itemNamedBy = (errors: FieldErrors, field: string): number | null => itemsNamed.get(errors)?.[field] ?? null;

/** Turns a validation or domain error into messages keyed by field, for re-rendering the form. Other errors are rethrown. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (err instanceof ZodError) {
    const out: FieldErrors = {};
    for (const i of err.issues) {
      const key = String(i.path[0] ?? '_form');
      out[key] ??= i.message;
    }
    return out;
  }
  if (err instanceof DomainError) {
    if (err.httpStatus === 403 || err.httpStatus === 404) throw err;
    const out: FieldErrors = {};
    const named: Record<string, number> = {};
    for (const r of err.reasons) {
      const key = r.field ?? '_form';
      out[key] = out[key] ? `${out[key]}；${r.message}` : r.message;
      if (r.itemId !== undefined) named[key] ??= r.itemId;
    }
    if (Object.keys(named).length) itemsNamed.set(out, named);
    return out;
  }
  throw err;
}

export const asString = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
export const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);

export const MAX_PAGE = 100_000;

/**
 * The `page` of a back-office list, as the API validates it: missing or empty is page 1; anything
 * but a whole number from 1 to 100000 (1e20, Infinity, 2.5 …) is refused with 400, never a 500.
 */
export function pageQueryParam(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_PAGE)) {
    throw new DomainError('ERR_VALIDATION', `页码应为 1–${MAX_PAGE} 之间的整数`, { field: 'page', httpStatus: 400 });
  }
  return n;
}
