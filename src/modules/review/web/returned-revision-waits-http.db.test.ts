import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createPublished, publicationInput, system } from '../../../../test/support/factories.ts';
import { CHANGE_NOTE, createPendingRevision, REVISED_TITLE } from '../../../../test/support/pending-revision.ts';
import { fillReviewForm, performReviewVerb } from '../index.ts';

/**
 * A revision returned by 退回修订 stays with its proposer (ADR 0051): it waits on them, not on a reviewer. Every place that
 * counts or lists what waits for review — 待办 (等待我审核或发布, 全部审核中的信息), the 监督检查 dashboard and its organ page
 * — leaves it out, the proposer is told (退回给我修改, the 工作台's reminder), and the item's page no longer tells the
 * publisher or another officer that it waits for review (它 said 正在等待审核 … 可在下方审核 while nothing could be done).
 * Saved again by its proposer, it waits for review once more, dated when it was submitted this time.
 */
describeEachDialect('a returned revision waits on its proposer', (db) => {
  const section = (page: string, id: string) => page.slice(page.indexOf(`id="${id}"`), page.indexOf('</section>', page.indexOf(`id="${id}"`)));
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  async function returned() {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const r = await createPendingRevision(app, deps);
    const theirs = await loginAs(app, r.publisher.username, r.publisher.password);
    deps.clock.set('2026-03-11T02:00:00Z');
    const back = await app.inject({ method: 'POST', url: `/admin/publications/${r.item.id}/verbs/return_amendment`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '请删去个人手机号' } });
    expect(back.statusCode).toBe(303);
    const get = async (url: string, session: { cookies: Record<string, string> }) => (await app.inject({ url, cookies: session.cookies })).body;
    return { app, deps, ...r, theirs, get };
  }

  it('is counted for no reviewer, told to its proposer, and its page offers no review', async () => {
    const { app, deps, organ, item, theirs, mine, get } = await returned();
    try {
      const inbox = await get('/admin/review', theirs);
      expect(section(inbox, 'mine-h')).toContain('等待我审核或发布（0）');
      expect(section(inbox, 'all-h')).toContain('全部审核中的信息（0）');
      expect(await get('/admin/supervision', theirs), 'the region row counts none').not.toContain(`/admin/supervision/${organ.code}#pending-reviews`);
      const supervision = await get(`/admin/supervision/${organ.code}`, theirs);
      expect(supervision.slice(supervision.indexOf('id="pending-reviews"'), supervision.indexOf('id="late-published"'))).toContain('待审核的信息（0）');

      const own = await get('/admin/review', mine);
      expect(text(section(own, 'ret-h'))).toContain('关于城区停水的通知（修订） 退回意见：请删去个人手机号（修订审核');
      expect(section(own, 'all-h')).toContain('全部审核中的信息（0）');
      expect(text(await get('/admin', mine))).toContain('1 件信息被退回修改');

      // The publisher and another officer of the organ: why the form is closed to them, as it is.
      const other = await createActor(deps, organ.code, 'editor');
      for (const session of [theirs, await loginAs(app, other.username, other.password)]) {
        const page = text(await get(`/admin/publications/${item.id}`, session));
        expect(page).not.toContain('正在等待审核');
        expect(page).not.toContain('可在下方审核');
        expect(page).toContain('已有一份修订退回修订人修改：修订人重新提交或撤回修订之前，不能另提修订');
        expect(page, 'the rework is its proposer\'s').not.toContain('修改后保存即重新提交审核');
      }
      expect(text(await get(`/admin/publications/${item.id}`, mine)), 'its proposer is told what to do').toContain('修改后保存即重新提交审核，不再需要时可撤回修订');
    } finally {
      await app.close();
    }
  });

  it('saved again, waits for review once more, dated when it was submitted this time and listed by that date', async () => {
    const { app, deps, organ, node, item, officer, theirs, mine, get } = await returned();
    try {
      // Another officer's revision of another item, proposed after the first submission and before the resubmission.
      const second = await createPublished(deps, organ.id, [node], { title: '关于城区供暖时间的通知' });
      await fillReviewForm(deps, system, second.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
      const drafter = await createActor(deps, organ.code, 'editor');
      deps.clock.set('2026-03-11T06:00:00Z');
      await performReviewVerb(deps, drafter.actor, second.id, 'amend', { changeNote: '供暖延长一周', amended: publicationInput([node], { title: '关于城区供暖时间延长的通知' }) });

      deps.clock.set('2026-03-12T01:30:00Z');
      const { nodeIds, ...fields } = publicationInput([node], { title: REVISED_TITLE, bodyHtml: '<p>停水时间改为 6 月 3 日，联系电话另行公布。</p>' });
      const saved = await app.inject({
        method: 'POST', url: `/admin/publications/${item.id}`, cookies: mine.cookies,
        payload: new URLSearchParams({ ...fields, nodeIds: String(nodeIds[0]), changeNote: CHANGE_NOTE, _csrf: mine.csrf } as Record<string, string>).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(saved.statusCode).toBe(303);

      const inbox = await get('/admin/review', theirs);
      const rows = text(section(inbox, 'all-h'));
      expect(rows).toContain('全部审核中的信息（2）');
      expect(rows, 'submitted this time, not first').toContain('2026-03-12 09:30');
      expect(rows).not.toContain('2026-03-10 10:00');
      expect(rows.indexOf('关于城区供暖的通知') < rows.indexOf('关于城区停水的通知'), 'the one resubmitted last comes last').toBe(true);
      expect(section(inbox, 'mine-h')).toContain('等待我审核或发布（2）');
      const supervision = text(await get(`/admin/supervision/${organ.code}`, theirs));
      const list = supervision.slice(supervision.indexOf('待审核的信息（2）'));
      expect(list.indexOf('关于城区供暖的通知') < list.indexOf('关于城区停水的通知')).toBe(true);
      const page = text(await get(`/admin/publications/${item.id}`, theirs));
      expect(page).toContain(`（${officer.username}） 于 2026-03-12 09:30 提交`);
      expect(page).not.toContain('2026-03-10 10:00 提交');
    } finally {
      await app.close();
    }
  });
});
