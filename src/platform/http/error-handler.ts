import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type ErrorReason } from '../../shared/domain-error.ts';

/** The JSON body of every API error: a stable code, a Chinese message, the field, the other item a refusal names, every reason. */
export type ApiErrorBody = { error: { code: string; message: string; field?: string; itemId?: number; reasons: ErrorReason[] } };

export function toApiError(err: unknown): { status: number; body: ApiErrorBody } {
  if (err instanceof DomainError) {
    return {
      status: err.httpStatus,
      body: { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.itemId !== undefined ? { itemId: err.itemId } : {}), reasons: err.reasons } },
    };
  }
  if (err instanceof ZodError) {
    // A check may give its issue a code of its own (params.code, e.g. ERR_CATALOG_DOC_TYPE_REQUIRED); else ERR_VALIDATION.
    const reasons = err.issues.map((i) => ({
      code: (i as { params?: { code?: unknown } }).params?.code as string | undefined ?? 'ERR_VALIDATION',
      field: i.path.join('.') || undefined,
      message: i.message,
    }));
    const first = reasons[0];
    return {
      status: 400,
      body: {
        error: {
          code: first?.code ?? 'ERR_VALIDATION',
          message: first?.field ? `字段“${first.field}”有误：${first.message}` : (first?.message ?? '请求内容有误'),
          ...(first?.field ? { field: first.field } : {}),
          reasons,
        },
      },
    };
  }
  const fe = err as FastifyError;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode < 500) {
    const validation = (fe as FastifyError & { validation?: { instancePath?: string; message?: string }[] }).validation;
    if (validation) {
      const reasons = validation.map((v) => ({
        code: 'ERR_VALIDATION',
        field: (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || undefined,
        message: v.message ?? '格式不正确',
      }));
      const first = reasons[0];
      return {
        status: 400,
        body: {
          error: {
            code: 'ERR_VALIDATION',
            message: first?.field ? `字段“${first.field}”有误：${first.message}` : '请求内容格式不正确',
            ...(first?.field ? { field: first.field } : {}),
            reasons,
          },
        },
      };
    }
    const code = fe.statusCode === 413 ? 'ERR_PAYLOAD_TOO_LARGE' : fe.statusCode === 415 ? 'ERR_UNSUPPORTED_MEDIA_TYPE' : 'ERR_BAD_REQUEST';
    const message =
      fe.statusCode === 413 ? '上传内容过大' : fe.statusCode === 415 ? '不支持的内容类型' : fe.statusCode === 429 ? '请求过于频繁，请稍后再试' : '请求有误';
    return { status: fe.statusCode, body: { error: { code: fe.statusCode === 429 ? 'ERR_RATE_LIMITED' : code, message, reasons: [{ code, message }] } } };
  }
  return {
    status: 500,
    body: { error: { code: 'ERR_INTERNAL', message: '服务器内部错误，请稍后再试', reasons: [{ code: 'ERR_INTERNAL', message: '服务器内部错误' }] } },
  };
}

/** JSON errors for the API; HTML routes install their own page renderer on top (see platform/http/app). */
export function installApiErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toApiError(err);
    if (status >= 500) request.log.error({ err }, 'unhandled error');
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
}
