import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff } from '../../../../../test/support/factories.ts';

const rowOf = (html: string, name: string) => new RegExp(`<tr[^>]*>(?:(?!</tr>)[\\s\\S])*?${name}</a>[\\s\\S]*?</tr>`).exec(html)![0];

/**
 * Found by an outside tester (a county officer): an internal unit's row on the 工作台 says its items are
 * 由该单位报送, yet its 草稿 and 已发布 always showed 0 — they counted the items whose organ is the unit,
 * and a unit without catalog has none: its items are its organ's, with the unit as 报送单位. The row now
 * counts the organ's items the unit submitted, as the supervision chart ranks units, and its links open
 * 信息管理 filtered by 报送单位, which lists and filters by it.
 */
describeEachDialect('a unit’s counts on the 工作台 are what it submitted', (db) => {
  it('counts and lists the organ’s items whose 报送单位 is the unit', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      const node = await createNode(deps, bureau.id, { name: '工作动态' });
      const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股', shortName: '房地产市场监管股' });
      await createDraft(deps, bureau.id, [node], { title: '股室报送的草稿', submittingUnitCode: unit.code });
      const late = await createPublished(deps, bureau.id, [node], { title: '股室报送的已发布信息', submittingUnitCode: unit.code });
      // Published past its 20 working days, as the review chain's publish marks it (an imported item is not marked).
      await deps.db.updateTable('publications').set({ published_late: 1 }).where('id', '=', late.id).execute();
      await createDraft(deps, bureau.id, [node], { title: '本机关的草稿' });
      const admin = await createStaff(deps, bureau.code, 'organ_admin');
      const { cookies } = await loginAs(app, admin.username, admin.password);

      const home = (await app.inject({ url: '/admin', cookies })).body;
      const unitRow = rowOf(home, '房地产市场监管股');
      const unitList = (status: string) => `/admin/publications?organ=${bureau.code}&amp;unit=${unit.code}&amp;status=${status}`;
      expect(unitRow).toContain(`<a href="${unitList('draft')}">1</a>`);
      expect(unitRow).toContain(`<a href="${unitList('published')}">1</a>`);
      // Its 逾期发布 too: the item it submitted went out more than 20 working days after its 成文日期.
      expect(unitRow).toMatch(/data-label="2026年逾期发布"[^>]*>1<\/td>/);
      // The bureau's own row still counts every item of the bureau.
      const bureauRow = rowOf(home, '青岚县住房和城乡建设局');
      expect(bureauRow).toContain(`<a href="/admin/publications?organ=${bureau.code}&amp;status=draft">2</a>`);
      // Its 逾期发布 count opens the list of them on its supervision page (found by an outside tester: it was no link).
      expect(bureauRow).toContain(`<a href="/admin/supervision/${bureau.code}#late-published">1</a>`);
      expect((await app.inject({ url: `/admin/supervision/${bureau.code}`, cookies })).body).toMatch(/<h2 id="late-published">今年成文后超过 20 个工作日才发布的信息（1）/);

      // 信息管理 filtered by 报送单位: the unit's draft only, with its 报送单位 shown.
      const list = (await app.inject({ url: `/admin/publications?organ=${bureau.code}&unit=${unit.code}&status=draft`, cookies })).body;
      expect(list).toContain('股室报送的草稿');
      expect(list).not.toContain('本机关的草稿');
      expect(list).not.toContain('股室报送的已发布信息');
      expect(list).toContain('<label for="f-unit">报送单位</label>');
      expect(list).toContain(`<option value="${unit.code}" selected>房地产市场监管股</option>`);
      expect(list).toContain('<td data-label="报送单位">房地产市场监管股</td>');
      // Unfiltered, the organ's own items say so.
      expect((await app.inject({ url: `/admin/publications?organ=${bureau.code}&status=draft`, cookies })).body).toContain('<td data-label="报送单位">本机关</td>');

      // The unit picked as 机关 (the tester's address): its items are the organ's, so the list is the organ's filtered by 报送单位.
      const asOrgan = await app.inject({ url: `/admin/publications?organ=${unit.code}&status=draft`, cookies });
      expect(asOrgan.statusCode).toBe(303);
      expect(asOrgan.headers.location).toBe(`/admin/publications?organ=${bureau.code}&unit=${unit.code}&status=draft&q=`);
    } finally {
      await app.close();
    }
  });

  it('shows the unit’s own clerk what the unit submitted', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      const node = await createNode(deps, bureau.id, { name: '工作动态' });
      const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股' });
      const clerk = await createStaff(deps, unit.code, 'editor');
      const { cookies } = await loginAs(app, clerk.username, clerk.password);
      const form = await app.inject({ url: `/admin/organs/${bureau.code}/publications/new`, cookies });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
      const saved = await app.inject({
        method: 'POST', url: `/admin/organs/${bureau.code}/publications/new`, cookies,
        payload: { _csrf: csrf, title: '房地产市场监管股报送的通知', formedOn: '2026-12-01', stage: 'execution', docType: 'other', genre: '通知', subject: '城乡建设', bodyHtml: '<p>正文</p>', nodeIds: String(node), disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid' },
      });
      expect(saved.statusCode, saved.body).toBe(303);
      const unitRow = rowOf((await app.inject({ url: '/admin', cookies })).body, '房地产市场监管股');
      expect(unitRow).toContain(`<a href="/admin/publications?organ=${bureau.code}&amp;unit=${unit.code}&amp;status=draft">1</a>`);
    } finally {
      await app.close();
    }
  });
});
