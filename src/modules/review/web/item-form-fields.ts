import { DomainError } from '../../../shared/domain-error.ts';
import type { PublicationFormValues } from './publication-form-page.tsx';

/** A back-office form's body as Fastify parsed it. */
export type Body = Record<string, unknown>;

/** A multipart form's fields (not its files nor its token) as the form page reads them: a repeated name (栏目) as a list. */
export function formFieldsOf(fields: Record<string, unknown>): PublicationFormValues {
  const values: PublicationFormValues = {};
  for (const [name, entry] of Object.entries(fields)) {
    if (name === '_csrf' || name === 'file' || name === 'attachment') continue;
    const list = (Array.isArray(entry) ? entry : [entry]).filter((f): f is { type: 'field'; value: unknown } => !!f && (f as { type?: string }).type === 'field').map((f) => String(f.value));
    if (list.length > 0) values[name] = Array.isArray(entry) ? list : list[0];
  }
  return values;
}

/** The item's form as a button of it sent it (its 标题 is there), or null: sent alone, by a script or an older page. */
export const carriedForm = (fields: Record<string, unknown>): PublicationFormValues | null => {
  const values = Object.values(fields).some((f) => !!f && typeof f === 'object' && (f as { type?: string }).type === 'field') ? formFieldsOf(fields) : fields as PublicationFormValues;
  return typeof values.title === 'string' ? values : null;
};

export const notFound = (what: string) => new DomainError('ERR_NOT_FOUND', `${what}不存在`, { httpStatus: 404 });
