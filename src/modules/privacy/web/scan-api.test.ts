import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installApiErrorHandler } from '../../../platform/http/error-handler.ts';
import { privacyApi } from './scan-api.ts';
import { buildXlsx } from '../../../../test/corpus/privacy/factories/build-xlsx.ts';
import { idCheckCharacter } from '../domain/id-card.ts';
import { DomainError } from '../../../shared/domain-error.ts';

const id = '34152519900307123' + idCheckCharacter('34152519900307123');

/** A multipart/form-data body with one file part (and optional extra fields). */
function multipartBody(field: string, fileName: string, bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkai-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(bytes), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /api/v1/scan', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    installApiErrorHandler(app);
    await app.register(multipart);
    await app.register(privacyApi, {
      prefix: '/api/v1',
      loadWordLists: () => [{ name: '错敏词', words: [{ word: '人民政付', severity: 'block', replacement: '人民政府' }] }],
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('scans a JSON text and answers the findings', async () => {
    const text = `申请人身份证号${id}，人民政付`;
    const res = await app.inject({ method: 'POST', url: '/api/v1/scan', payload: { text } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      findings: [
        { type: 'id_card', text: id, start: 7, end: 25, severity: 'block', suggestion: `341525********${id.slice(14)}`, rule: 'id18' },
        { type: 'sensitive_word', text: '人民政付', start: 26, end: 30, severity: 'block', suggestion: '人民政府', rule: '错敏词' },
      ],
    });
  });

  it('scans an uploaded file and names it and its format', async () => {
    const xlsx = buildXlsx({ sheets: [{ name: '名单', rows: [['姓名', '手机'], ['张三', 13812345678]] }] });
    const res = await app.inject({ method: 'POST', url: '/api/v1/scan', ...multipartBody('file', '名单.xlsx', xlsx) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ file: '名单.xlsx', format: 'xlsx', findings: [{ type: 'mobile_phone', text: '13812345678' }] });
  });

  it('answers 422 ERR_PRIVACY_UNREADABLE_FILE for a file it cannot read', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/scan', ...multipartBody('file', '旧文件.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ERR_PRIVACY_UNREADABLE_FILE', field: 'file' });
    expect(res.json().error.message).toContain('旧文件.doc');
  });

  it('answers 400 ERR_PRIVACY_FILE_MISSING when the multipart field is not "file"', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/scan', ...multipartBody('attachment', 'a.txt', new TextEncoder().encode('x')) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ERR_PRIVACY_FILE_MISSING');
  });

  it.each([
    ['no text', {}],
    ['text not a string', { text: 12 }],
    ['an array', [1, 2]],
  ])('answers 400 ERR_VALIDATION for %s', async (_, payload) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/scan', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: expect.any(String) });
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers 413 ERR_PRIVACY_TEXT_TOO_LARGE for a text over 5 MB', async () => {
    const text = '字'.repeat(Math.ceil((5 * 1024 * 1024) / 3) + 10); // 3 bytes each in UTF-8
    const res = await app.inject({ method: 'POST', url: '/api/v1/scan', payload: { text } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('ERR_PRIVACY_TEXT_TOO_LARGE');
  });

  it('answers 413 ERR_PAYLOAD_TOO_LARGE for a file over the upload limit', async () => {
    const small = Fastify();
    installApiErrorHandler(small);
    await small.register(multipart);
    await small.register(privacyApi, { prefix: '/api/v1', maxFileBytes: 1024 });
    const res = await small.inject({ method: 'POST', url: '/api/v1/scan', ...multipartBody('file', 'big.txt', new Uint8Array(4096).fill(65)) });
    await small.close();
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('ERR_PAYLOAD_TOO_LARGE');
  });

  it('runs the authentication given by the composition root before scanning', async () => {
    const guarded = Fastify();
    installApiErrorHandler(guarded);
    await guarded.register(privacyApi, {
      prefix: '/api/v1',
      preHandler: async () => {
        throw new DomainError('ERR_AUTH_REQUIRED', '请先登录', { httpStatus: 401 });
      },
    });
    const res = await guarded.inject({ method: 'POST', url: '/api/v1/scan', payload: { text: '13812345678' } });
    await guarded.close();
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('ERR_AUTH_REQUIRED');
  });

  it('accepts a text of almost 5 MB', async () => {
    const text = `${'正文'.repeat(800_000)}手机13812345678`;
    const res = await app.inject({ method: 'POST', url: '/api/v1/scan', payload: { text } });
    expect(res.statusCode).toBe(200);
    expect(res.json().findings).toHaveLength(1);
  });
});
