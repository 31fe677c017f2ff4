import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';

/**
 * What an officer types into 标记废止 and 撤回 in the back office is either taken as meant or refused
 * with its reason: a 替代文件编号 that is not a number was silently dropped (the item was repealed
 * with no replacement), and 撤回 for 其他 without a word of explanation left the public page saying
 * only 撤回原因：其他原因.
 */
describeEachDialect('repeal and withdrawal in the back office', (db) => {
  it('refuses a replacement that is not a number or is the item itself, and 其他 without a note; nothing changes', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的通知' });
      const newer = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的新通知' });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);
      const verb = async (name: string, fields: Record<string, string>) => {
        const r = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/${name}`, cookies: s.cookies, payload: { _csrf: s.csrf, ...fields } });
        expect(r.statusCode).toBe(303);
        const flash = Object.fromEntries(r.cookies.map((c) => [c.name, c.value]));
        const body = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: { ...s.cookies, ...flash } })).body;
        // The outcome is told under 审核与发布, where the redirect lands: a refusal as an alert listing its reasons.
        expect(r.headers.location).toMatch(/#review-h$/);
        return body.replace(/<[^>]+>/g, '');
      };

      // Text is a 文号, 索引号 or title, as 标记已修改 takes (ADR 0048): one that names nothing is refused, saying what was looked for.
      expect(await verb('repeal', { replacedById: 'abc' })).toContain('未能废止：没有找到文号、索引号、标题或编号为“abc”的已发布文件');
      expect(await verb('repeal', { replacedById: String(item.id) })).toContain('未能废止：替代文件不能是本文件');
      expect((await findPublication(deps.db, item.id))?.validity).toBe('valid');
      expect(await verb('withdraw', { withdrawReason: 'other', withdrawNote: '  ' })).toContain('撤回原因为“其他”时，请填写撤回说明');
      expect((await findPublication(deps.db, item.id))?.status).toBe('published');

      // Confirmed (the page between is repeal-withdraw-confirm-http.db.test.ts).
      await verb('repeal', { replacedById: ` ${newer.id} `, confirm: '1' });
      const repealed = await findPublication(deps.db, item.id);
      expect([repealed?.validity, repealed?.replacedById]).toEqual(['repealed', newer.id]);
      await verb('withdraw', { withdrawReason: 'other', withdrawNote: '与另一条信息重复。', confirm: '1' });
      expect((await findPublication(deps.db, item.id))?.status).toBe('withdrawn');
      // The portal's notice: the note's own 。 is not doubled by ours (found by an outside tester).
      const gone = await app.inject({ url: `/organs/${organ.code}/items/${item.id}` });
      expect(gone.body.replace(/<[^>]+>/g, '')).toContain('撤回原因：其他原因（与另一条信息重复）。');
    } finally {
      await app.close();
    }
  });
});
