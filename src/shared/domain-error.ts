/**
 * The one error type business code throws. `code` is stable (ERR_<AREA>_<REASON>, listed in
 * docs/errors.md); `message` is Chinese and shown to people; `field` names the offending input;
 * `reasons` lists every reason a workflow verb was refused.
 */
export type ErrorReason = { code: string; message: string; field?: string };

export class DomainError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly field?: string;
  readonly reasons: ErrorReason[];

  constructor(
    code: string,
    message: string,
    options: { httpStatus?: number; field?: string; reasons?: ErrorReason[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.httpStatus = options.httpStatus ?? 400;
    this.field = options.field;
    this.reasons = options.reasons ?? [{ code, message, ...(options.field ? { field: options.field } : {}) }];
  }

  /** A refusal with every reason (at least one): the first one's code and field, every message joined by ；. */
  static fromReasons(reasons: ErrorReason[], httpStatus = 400): DomainError {
    const first = reasons[0];
    return new DomainError(first.code, reasons.map((r) => r.message).join('；'), { httpStatus, field: first.field, reasons });
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
