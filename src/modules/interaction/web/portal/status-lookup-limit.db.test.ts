import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createOrgan } from '../../../../../test/support/factories.ts';

/**
 * The look-up limit (30 in 10 minutes per address) counts look-ups, and a form sent with a box empty looked nothing up
 * (it is answered 请填写…): a resident pressing 查询 on an empty form a few times must not be told 查询过于频繁 when they
 * finally type their number. Noticed by the last session; the mailbox's, the application's and the API's look-ups alike.
 */
describeEachDialect('the status look-up limit', (db) => {
  it('does not count a look-up sent with a box empty, and still counts one that looked something up', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const code = organ.code.toUpperCase();
    const routes = [
      { url: '/applications/status', number: `${code}-2026-00001`, address: '10.8.0.1' },
      { url: '/letters/status', number: `${code}-XX2026-00001`, address: '10.8.0.2' },
      { url: '/api/v1/letters/status', number: `${code}-XX2026-00001`, address: '10.8.0.3' },
    ];
    for (const r of routes) {
      const post = (payload: Record<string, string>) => app.inject({ method: 'POST', url: r.url, payload, remoteAddress: r.address });
      for (let i = 0; i < 30; i++) {
        const empty = await post(i % 2 ? { trackingNo: '', queryCode: '' } : { trackingNo: r.number, queryCode: ' ' });
        expect(empty.statusCode, `${r.url} empty ${i + 1}`).toBe(400);
      }
      // Thirty empty forms later the first real look-up is looked up (and finds nothing: 404), not refused.
      const real = await post({ trackingNo: r.number, queryCode: 'ABCD2345' });
      expect(real.statusCode, r.url).toBe(404);
      // Real look-ups count: the 30th is answered, the 31st refused.
      for (let i = 2; i <= 30; i++) expect((await post({ trackingNo: r.number, queryCode: 'ABCD2345' })).statusCode, `${r.url} look-up ${i}`).toBe(404);
      const over = await post({ trackingNo: r.number, queryCode: 'ABCD2345' });
      expect(over.statusCode, r.url).toBe(429);
      expect(over.body).toContain('查询过于频繁');
    }
    await app.close();
  });
});
