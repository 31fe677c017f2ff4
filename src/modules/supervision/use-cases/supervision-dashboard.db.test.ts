import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createReviewCast, createStaff, publicationInput } from '../../../../test/support/factories.ts';
import { createPublication, findOrganById } from '../../catalog/index.ts';
import { submitLetter } from '../../interaction/index.ts';
import { fillReviewForm, performReviewVerb } from '../../review/index.ts';
import { setNodeSupervision, supervisionDashboard } from '../index.ts';

describeEachDialect('supervision dashboard', (db) => {
  it('names every veto an organ would fail, the problems behind it and who must fix them, on a fixed clock', async () => {
    const { app, deps } = await buildTestApp(db(), '2025-06-02T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `综合股${organ.id}` });
      const cast = await createReviewCast(deps, organ.code);
      const policy = await createNode(deps, organ.id, { name: '政策文件' });
      const normative = await createNode(deps, organ.id, { name: '规范性文件', parentId: policy });
      const news: number[] = [];
      for (let i = 1; i <= 5; i++) news.push(await createNode(deps, organ.id, { name: `工作动态${i}` }));
      const empty: number[] = [];
      for (let i = 1; i <= 5; i++) empty.push(await createNode(deps, organ.id, { name: `空栏目${i}` }));
      await setNodeSupervision(deps, cast.office.actor, news[0]!, { unitCode: unit.code });

      // 2025-06-02: a policy item, and a consultation letter that nobody answers.
      await createPublished(deps, organ.id, [normative], { formedOn: '2025-05-30' });
      await submitLetter(deps, organ.code, { type: 'consult', subject: '保障房申请', content: '请问申请条件？', writerName: '李某', contact: '0564-5022001', publishConsent: 'no' });

      // 2026-01-05: news in every news column; an item formed two months ago goes through review and is published late.
      deps.clock.set('2026-01-05T02:00:00Z');
      for (const n of news) await createPublished(deps, organ.id, [n], { formedOn: '2026-01-05' });
      const late = await createPublication(deps, cast.author.actor, organ.id, publicationInput([news[1]!], { formedOn: '2025-11-03', title: '迟发的通知' }));
      await fillReviewForm(deps, cast.author.actor, late.id, { secrecyLevel: 'non_secret' });
      await performReviewVerb(deps, cast.author.actor, late.id, 'submit');
      for (const r of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, r.actor, late.id, 'approve');
      await performReviewVerb(deps, cast.office.actor, late.id, 'publish');
      const waiting = await createPublication(deps, cast.author.actor, organ.id, publicationInput([news[2]!], { formedOn: '2026-01-05', title: '待审的动态' }));
      await fillReviewForm(deps, cast.author.actor, waiting.id, { secrecyLevel: 'non_secret' });
      await performReviewVerb(deps, cast.author.actor, waiting.id, 'submit');

      const organRow = (await findOrganById(deps.db, organ.id))!;
      const all = [organRow, (await findOrganById(deps.db, unit.id))!];

      // 2026-01-19: news columns are 14 days old (not late); the policy column is past its 6 months.
      deps.clock.set('2026-01-19T02:00:00Z');
      let [s] = await supervisionDashboard(deps, [organRow], all);
      expect(s!.staleNodes.map((n) => n.node.id)).toEqual([policy, normative]);
      expect(s!.verdict.vetoes.filter((v) => v.failed).map((v) => v.rule).sort()).toEqual(['columns_empty', 'poor_interaction']);
      expect(s!.emptyNodes.map((n) => n.node.id)).toEqual(empty);

      // 2026-01-20: 15 days — the home page and every news column are late: 6 stale news/policy columns.
      deps.clock.set('2026-01-20T02:00:00Z');
      [s] = await supervisionDashboard(deps, [organRow], all);
      expect(s!.verdict.vetoes.filter((v) => v.failed).map((v) => v.rule).sort()).toEqual(['columns_empty', 'columns_not_updated', 'home_not_updated', 'poor_interaction']);
      expect(s!.verdict).toMatchObject({ vetoed: true, score: null, passed: false });
      expect(s!.staleNodes.find((n) => n.node.id === news[0])).toMatchObject({ responsibleUnit: { id: unit.id }, freshness: { state: 'stale', daysLate: 1 } });
      expect(s!.latePublished.map((p) => p.title)).toEqual(['迟发的通知']);
      expect(s!.pendingReviews).toEqual([expect.objectContaining({ id: waiting.id, stageName: '股室负责人审核' })]);
      expect(s!.letters.pastThreeMonths).toBe(1);

      const staff = await createStaff(deps, organ.code, 'disclosure_office');
      const session = await loginAs(app, staff.username, staff.password);
      const page = await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: session.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('首页不更新');
      expect(page.body).toContain(`综合股${organ.id}`);
      expect(page.body).toContain(`/admin/publications/${late.id}`);
      expect(page.body).toContain(`/admin/letters?organ=${organ.code}&amp;view=past_three_months`);
      const region = await app.inject({ method: 'GET', url: '/admin/supervision', cookies: session.cookies });
      expect(region.body).toContain(`/admin/supervision/${organ.code}`);
      expect(region.body).toContain('不合格（单项否决 4 项）');
      const outsider = await createStaff(deps, (await createOrgan(deps)).code, 'disclosure_office');
      const other = await loginAs(app, outsider.username, outsider.password);
      expect((await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: other.cookies })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
