import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';

/**
 * After a confirmed 标记废止 or 撤回 (an outside tester): the audit entry of 废止 recorded only the
 * version (status published before and after), the one of 撤回 left out its coded reason, and the item's
 * page said nothing of what was done. The entries now record what the verb changed, by code — 效力
 * valid → repealed with the replacement's 编号; the withdrawal's reason and note — and the page says
 * under 审核与发布 what the public now sees.
 */
describeEachDialect('what a confirmed 标记废止 or 撤回 records and tells', (db) => {
  it('标记废止: the entry records the 效力 and the replacement, the page names both', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的通知' });
      const newer = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的新通知', documentNumber: '县发改〔2026〕9号' });
      const bare = await createPublished(deps, organ.id, [node], { title: '关于暂停供热的通知' });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);
      const entry = async (id: number) => {
        const e = await deps.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'publication.repeal').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
        return { before: JSON.parse(e.before_json!), after: JSON.parse(e.after_json!) };
      };

      const done = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/repeal`, cookies: s.cookies, payload: { _csrf: s.csrf, confirm: '1', replacedById: String(newer.id) } });
      expect(done.statusCode).toBe(303);
      const { text } = await flashToldAt(app, done, s, 'review-h');
      expect(text).toBe(`已将《关于供热收费标准的通知》标记为已废止，门户页面顶部会说明，替代文件：《关于供热收费标准的新通知》（县发改〔2026〕9号）`);
      const e = await entry(item.id);
      expect(e.before).toMatchObject({ status: 'published', validity: 'valid', replacedById: null, repealedOn: null, version: item.version });
      expect(e.after).toMatchObject({ status: 'published', validity: 'repealed', replacedById: newer.id, repealedOn: '2026-03-10', version: item.version + 1 });

      // Without a replacement: none named, in the entry and in what the page says.
      const none = await app.inject({ method: 'POST', url: `/admin/publications/${bare.id}/verbs/repeal`, cookies: s.cookies, payload: { _csrf: s.csrf, confirm: '1', replacedById: '' } });
      expect((await flashToldAt(app, none, s, 'review-h')).text).toBe('已将《关于暂停供热的通知》标记为已废止，门户页面顶部会说明（未指明替代文件）');
      const n = await entry(bare.id);
      expect([n.before.validity, n.after.validity]).toEqual(['valid', 'repealed']);
      expect(n.after).not.toHaveProperty('replacedById');
    } finally {
      await app.close();
    }
  });

  it('撤回: the entry records the reason by its code and the note, the page says what the public now sees', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的通知' });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);

      const done = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/withdraw`, cookies: s.cookies, payload: { _csrf: s.csrf, confirm: '1', withdrawReason: 'published_in_error', withdrawNote: '测试撤回' } });
      expect(done.statusCode).toBe(303);
      const { text } = await flashToldAt(app, done, s, 'review-h');
      expect(text).toBe('已撤回《关于供热收费标准的通知》：已从门户的栏目列表、检索结果和网站地图中移除，原公开地址只显示撤回说明（撤回原因：误发布（测试撤回））');
      const e = await deps.db.selectFrom('audit_events').select(['before_json', 'after_json']).where('action', '=', 'publication.withdraw').where('entity_id', '=', String(item.id)).executeTakeFirstOrThrow();
      expect(JSON.parse(e.before_json!)).toMatchObject({ status: 'published', withdrawnReason: null, withdrawnNote: null, version: item.version });
      expect(JSON.parse(e.after_json!)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'published_in_error', withdrawnNote: '测试撤回', version: item.version + 1 });
    } finally {
      await app.close();
    }
  });
});
