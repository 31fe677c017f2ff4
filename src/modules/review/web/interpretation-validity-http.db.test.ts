import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';

/**
 * Found by an outside tester: in 信息管理 a county officer opened a 政策解读, pressed 标记废止…, and the portal then said
 * of the interpretation 本文件已废止. An interpretation has no 效力 of its own; it follows the document it explains.
 */
describeEachDialect('a 政策解读 is not marked 已废止 on its own', (db) => {
  it('its page offers no 标记废止, says why and links the document it explains; a POST is refused and changes nothing', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const policy = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法' });
      const interpretation = await createPublished(deps, organ.id, [node], {
        title: '《青岚县城镇排水与污水处理管理办法》政策解读', itemKind: 'interpretation', interpretationForm: 'text', policyIds: [policy.id],
      });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);

      const page = (await app.inject({ url: `/admin/publications/${interpretation.id}`, cookies: s.cookies })).body;
      expect(page).not.toContain(`action="/admin/publications/${interpretation.id}/verbs/repeal"`);
      expect(page).not.toContain(`action="/admin/publications/${interpretation.id}/verbs/mark_amended"`);
      expect(page).toContain('这是政策解读，本身没有效力，不单独标记废止');
      expect(page).toContain(`href="/admin/publications/${policy.id}#review-h"`);
      // The document itself is still repealed as before.
      const policyPage = (await app.inject({ url: `/admin/publications/${policy.id}`, cookies: s.cookies })).body;
      expect(policyPage).toContain(`action="/admin/publications/${policy.id}/verbs/repeal"`);

      const refused = await app.inject({ method: 'POST', url: `/admin/publications/${interpretation.id}/verbs/repeal`, cookies: s.cookies, payload: { _csrf: s.csrf, replacedById: '' } });
      const flash = Object.fromEntries(refused.cookies.map((c) => [c.name, c.value]));
      const told = refused.statusCode === 303
        ? (await app.inject({ url: `/admin/publications/${interpretation.id}`, cookies: { ...s.cookies, ...flash } })).body
        : refused.body;
      expect(told.replace(/<[^>]+>/g, '')).toContain('这是政策解读');
      const confirmed = await app.inject({ method: 'POST', url: `/admin/publications/${interpretation.id}/verbs/repeal`, cookies: s.cookies, payload: { _csrf: s.csrf, confirm: '1', replacedById: '' } });
      expect(confirmed.statusCode).not.toBe(200);
      expect((await findPublication(deps.db, interpretation.id))?.validity).toBe('valid');
    } finally {
      await app.close();
    }
  });
});
