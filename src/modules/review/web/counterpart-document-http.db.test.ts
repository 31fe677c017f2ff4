import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { createApiToken } from '../../identity/index.ts';
import { findPublication } from '../../catalog/index.ts';

/**
 * Found by an outside tester: an item 成文 2026-12-05 was marked 已修改 by a 政策解读 and then 已废止 with a replacement
 * both published before it; the portal said 本文件已被《〈…〉政策解读》修改. An interpretation amends or repeals nothing,
 * and a document is amended or replaced only by one made on or after it — in the back office and over the API alike.
 */
describeEachDialect('the document that amends or replaces an item', (db) => {
  it('a 政策解读 or an earlier document is refused, by 标记已修改 and 标记废止, back office and API; a later document is taken', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法', formedOn: '2024-06-10' });
      const earlier = await createPublished(deps, organ.id, [node], { title: '青岚县排水许可实施细则', formedOn: '2024-05-20' });
      const interpretation = await createPublished(deps, organ.id, [node], {
        title: '《青岚县城镇排水与污水处理管理办法》政策解读', formedOn: '2024-06-12', itemKind: 'interpretation', interpretationForm: 'text', policyIds: [item.id],
      });
      const later = await createPublished(deps, organ.id, [node], { title: '关于修改〈青岚县城镇排水与污水处理管理办法〉的决定', formedOn: '2024-09-01' });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);
      const told = async (res: { statusCode: number; body: string; cookies: { name: string; value: string }[] }) => {
        const flash = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
        const page = res.statusCode === 303 ? (await app.inject({ url: `/admin/publications/${item.id}`, cookies: { ...s.cookies, ...flash } })).body : res.body;
        return page.replace(/<[^>]+>/g, '');
      };
      const verb = (name: string, payload: Record<string, string>) =>
        app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/${name}`, cookies: s.cookies, payload: { _csrf: s.csrf, ...payload } });

      const byInterpretation = await told(await verb('mark_amended', { amending: interpretation.title }));
      expect(byInterpretation).toContain('是政策解读，不能作为修改文件');
      const byEarlier = await told(await verb('mark_amended', { amending: String(earlier.id) }));
      expect(byEarlier).toContain('的成文日期（2024-05-20）早于本文件的成文日期（2024-06-10），不能作为修改文件');
      const repealed = await told(await verb('repeal', { replacedById: String(interpretation.id), confirm: '1' }));
      expect(repealed).toContain('是政策解读，不能作为替代文件');
      expect((await findPublication(deps.db, item.id))?.validity).toBe('valid');

      const authorization = `Bearer ${await createApiToken(deps, publisher.username, 'test')}`;
      const api = (path: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/v1/publications/${item.id}/${path}`, headers: { authorization }, payload });
      const refused = await api('repeal', { replacedById: earlier.id });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.reasons.map((r: { code: string }) => r.code)).toEqual(['ERR_REVIEW_REPLACEMENT_EARLIER']);
      const amendedByInterpretation = await api('mark-amended', { amendingId: interpretation.id });
      expect(amendedByInterpretation.statusCode).toBe(409);
      expect(amendedByInterpretation.json().error.reasons.map((r: { code: string }) => r.code)).toEqual(['ERR_REVIEW_AMENDING_INTERPRETATION']);
      expect((await findPublication(deps.db, item.id))?.validity).toBe('valid');

      expect((await api('mark-amended', { amendingId: later.id })).statusCode).toBe(200);
      expect((await findPublication(deps.db, item.id))?.validity).toBe('amended');
    } finally {
      await app.close();
    }
  });
});
