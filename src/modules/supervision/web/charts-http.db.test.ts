import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createReviewCast, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { createPublication, findOrganById } from '../../catalog/index.ts';
import { submitLetter } from '../../interaction/index.ts';
import { insertApplication } from '../../reports/testing/case-rows.ts';
import { fillReviewForm, performReviewVerb, publishImported } from '../../review/index.ts';
import { runInspectionNow } from '../use-cases/inspection-runs.ts';

/** One chart of a page: its figure, the rows of its data table, and the values written on its drawing. */
function chart(html: string, id: string) {
  const figure = new RegExp(`<figure class="chart" id="${id}">[\\s\\S]*?</figure>`).exec(html)?.[0];
  if (!figure) throw new Error(`no chart ${id}`);
  const tbody = /<tbody>[\s\S]*<\/tbody>/.exec(figure)![0];
  const rows = [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => c[1]));
  const drawn = [...figure.matchAll(/<text class="chart-(?:value|total)"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/[%条个件]$/, ''));
  return { figure, rows, row: (label: string) => rows.find((r) => r.includes(label)), drawn };
}

/** Every number written on each chart of the page is in that chart's table (the table is the chart's alternative). */
function drawnNumbersAreInTables(html: string) {
  const ids = [...html.matchAll(/<figure class="chart" id="([^"]+)">/g)].map((m) => m[1]);
  for (const id of ids) {
    const c = chart(html, id);
    const cells = new Set(c.rows.flat());
    expect({ id, missing: c.drawn.filter((v) => !cells.has(v)) }).toEqual({ id, missing: [] });
  }
  return ids;
}

describeEachDialect('supervision charts in the back office', (db) => {
  it('draws an organ’s and the region’s publishing, answers on time, stale columns and ranking from stored data, each with its table', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-02T02:00:00Z');
    try {
      const county = await createOrgan(deps);
      const organ = await createOrgan(deps, { parentCode: county.code });
      const other = await createOrgan(deps, { parentCode: county.code, shortName: '教育局' });
      const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `村镇股${organ.id}` });
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      const empty = await createNode(deps, organ.id, { name: '专题专栏' });
      const otherNews = await createNode(deps, other.id, { name: '工作动态' });
      const published = async (organId: number, nodeId: number, on: string, stage: string, over: Record<string, unknown> = {}) => {
        const d = await createDraft(deps, organId, [nodeId], { formedOn: on, stage, ...over });
        return publishImported(deps, system, d.id, { backdatedPublishedOn: on });
      };
      await published(organ.id, news, '2025-03-05', 'execution'); // before the 12 months shown
      await published(organ.id, news, '2025-06-10', 'decision', { submittingUnitCode: unit.code });
      await published(organ.id, news, '2026-01-15', 'result');
      await published(organ.id, news, '2026-02-20', 'decision', { submittingUnitCode: unit.code });
      await published(organ.id, news, '2026-03-02', 'result');
      await published(organ.id, news, '2026-03-02', 'result');
      await published(other.id, otherNews, '2026-02-03', 'service');
      // Formed on 5 January, published through the review chain on 2 March: after its 20 working days.
      const cast = await createReviewCast(deps, organ.code);
      const late = await createPublication(deps, cast.author.actor, organ.id, publicationInput([news], { formedOn: '2026-01-05', stage: 'execution' }));
      await fillReviewForm(deps, cast.author.actor, late.id, { secrecyLevel: 'non_secret' });
      await performReviewVerb(deps, cast.author.actor, late.id, 'submit');
      for (const r of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, r.actor, late.id, 'approve');
      await performReviewVerb(deps, cast.office.actor, late.id, 'publish');

      // Applications: February one on time and one late, March one on time. Letters: March one on time and one late.
      for (const [repliedOn, dueOn] of [['2026-02-10', '2026-02-20'], ['2026-02-25', '2026-02-20'], ['2026-03-05', '2026-03-30']]) {
        const id = await insertApplication(deps.db, organ.id, { receivedOn: '2026-02-02', repliedOn });
        await deps.db.updateTable('applications').set({ due_on: dueOn }).where('id', '=', id).execute();
      }
      for (const [repliedOn, dueOn] of [['2026-03-03', '2026-03-16'], ['2026-03-20', '2026-03-16']]) {
        const r = await submitLetter(deps, organ.code, { type: 'consult', subject: '保障房申请', content: '请问申请条件？', writerName: '李某', contact: '0564-5022001', publishConsent: 'no' });
        await deps.db.updateTable('letters').set({ state: 'replied', replied_on: repliedOn, due_on: dueOn, reply_text: '已答复' }).where('tracking_no', '=', r.trackingNo).execute();
      }

      // Inspections: the night of 30 March for both organs, and on 1 April twice for the 住建局 (the later run counts).
      const organRow = (await findOrganById(deps.db, organ.id))!;
      const otherRow = (await findOrganById(deps.db, other.id))!;
      const counted = (r: Awaited<ReturnType<typeof runInspectionNow>>, id: number) => {
        const o = r.result.organs.find((x) => x.code === (id === organ.id ? organ.code : other.code))!;
        return { stale: o.findings.filter((f) => f.kind === 'stale_node').length, empty: o.findings.filter((f) => f.kind === 'empty_node').length };
      };
      deps.clock.set('2026-03-30T02:00:00Z');
      const night = await runInspectionNow(deps, 'manual', [organRow, otherRow], { checkExternal: false });
      deps.clock.set('2026-04-01T01:00:00Z');
      await runInspectionNow(deps, 'manual', [organRow], { checkExternal: false });
      await published(organ.id, empty, '2026-04-01', 'service');
      deps.clock.set('2026-04-01T03:00:00Z');
      const again = await runInspectionNow(deps, 'manual', [organRow], { checkExternal: false });
      const [n1, o1, n2] = [counted(night, organ.id), counted(night, other.id), counted(again, organ.id)];
      // The news column is past its 2 weeks each time; the empty column is filled on 1 April; the 教育局's news column is late too.
      expect([n1, o1, n2]).toEqual([{ stale: 1, empty: 1 }, { stale: 1, empty: 0 }, { stale: 1, empty: 0 }]);

      deps.clock.set('2026-04-02T02:00:00Z');
      const organStaff = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, organStaff.username, organStaff.password);
      const page = await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: s.cookies });
      expect(page.statusCode).toBe(200);
      const html = page.body;
      expect(drawnNumbersAreInTables(html)).toEqual(['chart-month', 'chart-stage', 'chart-ontime', 'chart-stale', 'chart-ranking']);
      expect(html.match(/<svg [^>]*role="img" aria-labelledby="chart-[a-z]+-title chart-[a-z]+-desc"/g)).toHaveLength(5);

      const month = chart(html, 'chart-month');
      expect(month.rows.map((r) => r[0])).toEqual(['2025年5月', '2025年6月', '2025年7月', '2025年8月', '2025年9月', '2025年10月', '2025年11月', '2025年12月', '2026年1月', '2026年2月', '2026年3月', '2026年4月']);
      // 月份, 决策, 执行, 管理, 服务, 结果, 合计
      expect(month.row('2025年6月')).toEqual(['2025年6月', '1', '0', '0', '0', '0', '1']);
      expect(month.row('2026年3月')).toEqual(['2026年3月', '0', '1', '0', '0', '2', '3']);
      expect(month.row('2026年4月')).toEqual(['2026年4月', '0', '0', '0', '1', '0', '1']);
      expect(month.figure).toContain('共 7 条');
      expect(chart(html, 'chart-stage').rows).toEqual([['决策公开', '1'], ['执行公开', '1'], ['管理公开', '0'], ['服务公开', '1'], ['结果公开', '3']]);

      const onTime = chart(html, 'chart-ontime');
      expect(onTime.row('2026年2月')).toEqual(['2026年2月', '50', '当月无答复']);
      expect(onTime.row('2026年3月')).toEqual(['2026年3月', '100', '50']);
      expect(onTime.row('2026年1月')).toEqual(['2026年1月', '当月无答复', '当月无答复']);
      expect(onTime.figure).toContain('依申请公开（共 3 件）和部门信箱留言（共 2 件）');

      expect(chart(html, 'chart-stale').rows).toEqual([
        ['2026年3月30日', String(n1.stale), String(n1.empty)],
        ['2026年4月1日', String(n2.stale), String(n2.empty)],
      ]);

      // This year per unit: the organ itself 5 items, one late; the unit 1 (its 2025 item not counted).
      expect(chart(html, 'chart-ranking').rows).toEqual([['1', '本机关（政务公开办公室）', '5', '4'], ['2', `村镇股${organ.id}`, '1', '1']]);
      expect(html.slice(html.indexOf('id="h-charts"'))).not.toMatch(/style=|<script/);

      // The region: the county's office sees its organs added up and ranked.
      const countyStaff = await createStaff(deps, county.code, 'disclosure_office');
      const c = await loginAs(app, countyStaff.username, countyStaff.password);
      const region = (await app.inject({ method: 'GET', url: '/admin/supervision', cookies: c.cookies })).body;
      expect(drawnNumbersAreInTables(region)).toEqual(['chart-month', 'chart-stage', 'chart-ontime', 'chart-stale', 'chart-ranking']);
      expect(chart(region, 'chart-month').row('2026年2月')).toEqual(['2026年2月', '1', '0', '0', '1', '0', '2']);
      expect(chart(region, 'chart-ranking').rows).toEqual([['1', organ.name, '6', '5'], ['2', '教育局', '1', '1'], ['3', county.name, '0', '0']]);
      expect(chart(region, 'chart-stale').rows).toEqual([
        ['2026年3月30日', String(n1.stale + o1.stale), String(n1.empty + o1.empty)],
        ['2026年4月1日', String(n2.stale), String(n2.empty)],
      ]);
      expect(region).toContain('各机关合计每月发布');

      // Another organ's staff sees none of this organ's figures.
      expect((await app.inject({ method: 'GET', url: `/admin/supervision/${organ.code}`, cookies: (await loginAs(app, (await createStaff(deps, other.code, 'disclosure_office')).username, 'correct-horse-1')).cookies })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
