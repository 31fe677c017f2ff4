import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../shared/domain-error.ts';
import { scanText } from '../domain/scan-text.ts';
import type { WordList } from '../domain/word-list.ts';
import { extractText } from '../extract/extract-text.ts';
import { findingJson } from '../domain/finding.ts';

export const MAX_SCAN_TEXT_BYTES = 5 * 1024 * 1024;
export const MAX_SCAN_FILE_BYTES = 50 * 1024 * 1024;

export type PrivacyApiOptions = {
  /** The administrators' word lists to apply (loaded per request, so edits apply at once). */
  loadWordLists?: (request: FastifyRequest) => Promise<readonly WordList[]> | readonly WordList[];
  /** Authentication, e.g. the API token check of the identity area. */
  preHandler?: preHandlerAsyncHookHandler;
  /** Largest upload scanned; the default matches the largest attachment a publication may carry. */
  maxFileBytes?: number;
};

const scanTextBody = z.object({
  text: z.string({ error: 'text 应为字符串' }),
});

/** POST /scan: scan a text (JSON `{ "text": … }`) or one uploaded file (multipart field `file`). */
export async function privacyApi(app: FastifyInstance, opts: PrivacyApiOptions = {}): Promise<void> {
  app.post(
    '/scan',
    { bodyLimit: MAX_SCAN_TEXT_BYTES + 1024 * 1024, ...(opts.preHandler ? { preHandler: opts.preHandler } : {}) },
    async (request) => {
      const wordLists = opts.loadWordLists ? await opts.loadWordLists(request) : [];
      if (request.isMultipart()) {
        const { fileName, bytes } = await uploadedFile(request, opts.maxFileBytes ?? MAX_SCAN_FILE_BYTES);
        const { text, format } = await extractText(bytes, fileName);
        return { file: fileName, format, findings: scanText(text, { wordLists }).map(findingJson) };
      }
      const text = textOf(request.body);
      return { findings: scanText(text, { wordLists }).map(findingJson) };
    },
  );
}

function textOf(body: unknown): string {
  const parsed = scanTextBody.safeParse(body);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => ({
      code: 'ERR_VALIDATION',
      field: i.path.join('.') || 'text',
      message: i.path.length === 0 ? '请求体应为 JSON 对象 {"text": "…"}，或以 multipart 上传文件（字段名 file）' : i.message,
    }));
    throw new DomainError('ERR_VALIDATION', reasons[0].message, { httpStatus: 400, field: reasons[0].field, reasons });
  }
  if (Buffer.byteLength(parsed.data.text, 'utf8') > MAX_SCAN_TEXT_BYTES) {
    throw new DomainError('ERR_PRIVACY_TEXT_TOO_LARGE', '待扫描文本超过 5 MB，请拆分后分别扫描或以文件方式上传', {
      httpStatus: 413,
      field: 'text',
    });
  }
  return parsed.data.text;
}

async function uploadedFile(request: FastifyRequest, maxBytes: number): Promise<{ fileName: string; bytes: Uint8Array }> {
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file || file.fieldname !== 'file') {
    throw new DomainError('ERR_PRIVACY_FILE_MISSING', '请以 multipart/form-data 上传一个文件，字段名为 file', {
      httpStatus: 400,
      field: 'file',
    });
  }
  // toBuffer() throws the 413 of @fastify/multipart when the file exceeds the limit.
  return { fileName: file.filename || 'upload', bytes: new Uint8Array(await file.toBuffer()) };
}
