import { z } from './zod.ts';
import { DomainError, type ErrorReason } from './domain-error.ts';

/**
 * "Every reason at once" for a form whose fields are checked by a schema and then by rules across
 * them (a date not before another, a record that must exist): the rules run in the same round on the
 * fields that passed their own checks, instead of only once every field is valid, so a person is
 * never told one batch of mistakes, then the next (found by an outside tester).
 */

/** The fields of an object schema that pass their own rules, read one by one from `raw`. */
export function passingFields<S extends z.ZodObject>(schema: S, raw: unknown): Partial<z.output<S>> {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const parsed = field.safeParse(source[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<z.output<S>>;
}

/**
 * Refuses with the schema's issues and the rules' reasons together (nothing when both are empty): as
 * the ZodError when only the schema refused; otherwise as one DomainError listing every reason, each
 * with its code (a schema issue's own `params.code`, else ERR_VALIDATION) and field.
 */
export function refuseEveryReason(issues: readonly z.core.$ZodIssue[], reasons: readonly ErrorReason[]): void {
  if (reasons.length === 0) {
    if (issues.length > 0) throw new z.ZodError([...issues]);
    return;
  }
  const fromSchema = issues.map((i): ErrorReason => {
    const code = (i as { params?: { code?: unknown } }).params?.code;
    const field = i.path.map(String).join('.');
    return { code: typeof code === 'string' ? code : 'ERR_VALIDATION', message: i.message, ...(field ? { field } : {}) };
  });
  throw DomainError.fromReasons([...fromSchema, ...reasons]);
}
