import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';

const headingOf = (html: string) => /<div class="error-summary"[^>]*><h2>([^<]*)<\/h2>/.exec(html)?.[1] ?? '';

/** A status look-up that finds nothing says so as a look-up (未查到), not as a failed submission (outside tester). */
describeEachDialect('a failed status look-up', (db) => {
  it('申请 and 信件 查询 with a wrong code are headed 未查到 and keep the reason', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const number = `${organ.code.toUpperCase()}-2026-00001`;
    const application = await app.inject({ method: 'POST', url: '/applications/status', payload: { trackingNo: number, queryCode: 'ABCD2345' } });
    const letter = await app.inject({ method: 'POST', url: '/letters/status', payload: { trackingNo: `${organ.code.toUpperCase()}-XX2026-00001`, queryCode: 'ABCD2345' } });
    for (const res of [application, letter]) {
      expect(res.statusCode).toBe(404);
      expect(headingOf(res.body)).toContain('未查到');
      expect(headingOf(res.body)).not.toContain('提交');
      expect(res.body).toMatch(/<div class="error-summary"[^>]*>.*<li>.*查询码.*<\/li>/s);
    }
    await app.close();
  });
});
