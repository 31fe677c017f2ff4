import type { FieldErrors } from './components.tsx';

/**
 * A refused form's errors in the order its fields appear (the form-wide message first), whatever
 * order the checks found them in: the error summary reads like the form.
 */
export function inFormOrder(errors: FieldErrors, order: readonly string[]): FieldErrors {
  const rank = (k: string) => (k === '_form' ? -1 : order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** A refused form's page title starts with 错误： (screen readers and the tab say so first). */
export const titleWithErrors = (title: string, errors: FieldErrors) => (Object.keys(errors).length > 0 ? `错误：${title}` : title);
