import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { FlashAt, placeFlash, setFlash, takeFlash, type Flash } from './flash.tsx';

/** A server that sets a flash on POST and answers the flash it takes on GET, as the back office does around a redirect. */
async function server() {
  const app = Fastify();
  await app.register(cookie);
  app.post<{ Body: { message: string; at?: string; refused?: boolean; reasons?: string[] } }>('/admin/x', async (request, reply) => {
    const { message, at, refused, reasons } = request.body;
    setFlash(reply, message, at ? { at, refused, reasons } : undefined);
    return reply.redirect(`/admin/x${at ? `#${at}` : ''}`, 303);
  });
  app.get('/admin/x', async (request, reply) => ({ flash: takeFlash(request, reply) }));
  return app;
}

const follow = async (app: Awaited<ReturnType<typeof server>>, payload: Record<string, unknown>) => {
  const posted = await app.inject({ method: 'POST', url: '/admin/x', payload });
  const set = posted.cookies.find((c) => c.name === 'gk_flash')!;
  const got = await app.inject({ url: '/admin/x', cookies: { gk_flash: set.value } });
  return { raw: set.value, flash: got.json().flash as Flash | null, cleared: got.cookies.some((c) => c.name === 'gk_flash' && c.value === '') };
};

describe('the flash', () => {
  it('keeps a flash without a place as it always was stored (the message, URI-encoded), and reads it as one for the top', async () => {
    const app = await server();
    const { raw, flash, cleared } = await follow(app, { message: '已保存' });
    expect(raw).toBe(encodeURIComponent('已保存'));
    expect(flash).toEqual({ message: '已保存', at: null, refused: false, reasons: [] });
    expect(cleared).toBe(true);
    await app.close();
  });

  it('reads a cookie an older server set (a plain message, also one that looks like JSON) as a flash for the top', async () => {
    const app = await server();
    for (const message of ['未能应用建议遮盖：扫描之后内容已改动', '{"a":1}', '{"m":"x"}']) {
      const got = await app.inject({ url: '/admin/x', cookies: { gk_flash: encodeURIComponent(message) } });
      expect(got.json().flash).toEqual({ message, at: null, refused: false, reasons: [] });
    }
    await app.close();
  });

  it('carries the place it is for, and a refusal with its reasons', async () => {
    const app = await server();
    const { flash } = await follow(app, { message: '未能退回修改：', at: 'review-h', refused: true, reasons: ['已退回', '请刷新；再试'] });
    expect(flash).toEqual({ message: '未能退回修改：', at: 'review-h', refused: true, reasons: ['已退回', '请刷新；再试'] });
    await app.close();
  });

  it('is shown at its place when the page renders that place, and at the top otherwise — never lost', () => {
    const placed: Flash = { message: '已退回修改', at: 'review-h', refused: false, reasons: [] };
    const here = placeFlash(placed, ['review-h', 'scan-h']);
    expect(here.top).toBeNull();
    expect(here.at('review-h')).toBe(placed);
    expect(here.at('scan-h')).toBeNull();
    const elsewhere = placeFlash(placed, ['att-h']);
    expect(elsewhere.top).toBe(placed);
    expect(elsewhere.at('att-h')).toBeNull();
    const top: Flash = { message: '已保存', at: null, refused: false, reasons: [] };
    expect(placeFlash(top, ['review-h']).top).toBe(top);
  });

  it('says what was done as a status and a refusal as an alert listing its reasons, focusable', () => {
    expect(renderToString(<FlashAt flash={{ message: '已发布', at: 'review-h', refused: false, reasons: [] }} />))
      .toBe('<p id="flash-review-h" class="flash" role="status" tabindex="-1">已发布</p>');
    const refused = renderToString(<FlashAt flash={{ message: '未能发布：', at: 'review-h', refused: true, reasons: ['缺少保密审查表', '扫描未通过'] }} />);
    expect(refused).toMatch(/^<div id="flash-review-h" class="error-summary" role="alert" tabindex="-1">/);
    expect(refused).toContain('<li>缺少保密审查表</li><li>扫描未通过</li>');
    expect(renderToString(<FlashAt flash={null} />)).toBe('');
  });
});
