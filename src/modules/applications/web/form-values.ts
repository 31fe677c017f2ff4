/** What the person typed, kept as strings so a refused form comes back as it was sent. */
export type FormValues = Record<string, string>;

export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      out[k] = typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
    }
  }
  return out;
}
