import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './http-server.ts';

/** Sends raw bytes as one request and reads the whole answer (the server closes the connection). */
function rawRequest(port: number, head: Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headers, ...body] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body: body.join('\r\n\r\n') });
    });
  });
}
const requestLine = (target: string) => Buffer.concat([Buffer.from('GET '), Buffer.from(target, 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n')]);

/**
 * An address with raw UTF-8 bytes (curl 'localhost:3000/api/v1/search?q=危房', found by an outside tester) is refused by
 * Node's HTTP parser before any route: the answer was Fastify's {"error":"Bad Request","message":"Client Error"}. It is
 * the API's format with a Chinese message and a stable code, and a Chinese page outside /api, each giving the address
 * as it should be written.
 */
describe('a request the HTTP parser refuses', () => {
  let app: Awaited<ReturnType<typeof createHttpServer>>;
  let port = 0;
  beforeAll(async () => {
    app = await createHttpServer({ logger: pino({ level: 'silent' }), htmlErrorPage: () => '', maxUploadBytes: 1024 * 1024 });
    app.get('/api/v1/search', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => app.close());

  it('answers the API in its own format, naming the address percent-encoded', async () => {
    const res = await rawRequest(port, requestLine('/api/v1/search?q=危房'));
    expect(res.status).toBe(400);
    expect(res.headers).toMatch(/content-type: application\/json; charset=utf-8/i);
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('ERR_BAD_REQUEST_TARGET');
    expect(body.error.message).toContain('/api/v1/search?q=%E5%8D%B1%E6%88%BF');
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.error.reasons).toEqual([{ code: 'ERR_BAD_REQUEST_TARGET', message: body.error.message }]);
  });

  it('answers a page with a Chinese page linking the address as it should be written', async () => {
    const res = await rawRequest(port, requestLine('/search?q=危房'));
    expect(res.status).toBe(400);
    expect(res.headers).toMatch(/content-type: text\/html; charset=utf-8/i);
    expect(res.headers).toMatch(/content-security-policy:/i);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('<a href="/search?q=%E5%8D%B1%E6%88%BF">');
    expect(res.body).toContain('ERR_BAD_REQUEST_TARGET');
  });

  it('never offers another site’s address, and answers any other unreadable request in the API’s format', async () => {
    const other = await rawRequest(port, requestLine('//example.com/危'));
    expect(other.status).toBe(400);
    expect(other.body).not.toContain('example.com');
    const garbage = await rawRequest(port, Buffer.from('NOT HTTP AT ALL\r\n\r\n'));
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body).error.code).toBe('ERR_BAD_REQUEST');
  });
});
