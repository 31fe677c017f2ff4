/**
 * The one error type business code throws. `code` is stable (ERR_<AREA>_<REASON>, listed in
 * docs/errors.md); `message` is Chinese and shown to people; `field` names the offending input;
 * `reasons` lists every reason a workflow verb was refused; `itemId`, the other item a refusal names
 * (ERR_CATALOG_DOCUMENT_NUMBER_TAKEN: the item holding the 文号), for the API to answer and a form to link.
 */
export type ErrorReason = { code: string; message: string; field?: string; itemId?: number };

export class DomainError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly field?: string;
  readonly itemId?: number;
  readonly reasons: ErrorReason[];

  constructor(
    code: string,
    message: string,
    options: { httpStatus?: number; field?: string; itemId?: number; reasons?: ErrorReason[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.httpStatus = options.httpStatus ?? 400;
    this.field = options.field;
    this.itemId = options.itemId;
    this.reasons = options.reasons ?? [{ code, message, ...(options.field ? { field: options.field } : {}), ...(options.itemId !== undefined ? { itemId: options.itemId } : {}) }];
  }

  /** A refusal with every reason (at least one): the first one's code and field, every message joined by ；. */
  static fromReasons(reasons: ErrorReason[], httpStatus = 400): DomainError {
    const first = reasons[0];
    return new DomainError(first.code, reasons.map((r) => r.message).join('；'), { httpStatus, field: first.field, reasons });
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
