import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../../../shared/domain-error.ts';

/**
 * The one file of an API upload (multipart/form-data, field `file`) and its optional 附件名称, a `title` field sent
 * before the file (multipart fields come in order). Anything else is ERR_VALIDATION on the field `file`. Used by every
 * API verb that takes a file: an item's upload, and a pending revision's (review).
 */
export async function readUploadedFile(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer; title: unknown }> {
  const missing = () => new DomainError('ERR_VALIDATION', '请以 multipart/form-data 在字段 file 中上传附件', { field: 'file' });
  if (!request.isMultipart()) throw missing();
  const file = await request.file();
  if (!file || file.fieldname !== 'file') throw missing();
  const bytes = await file.toBuffer();
  const titleField = file.fields.title as { type?: string; value?: unknown } | undefined;
  return { fileName: file.filename, bytes, title: titleField && titleField.type === 'field' ? titleField.value : undefined };
}
