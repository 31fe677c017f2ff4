import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan } from '../../../../test/support/factories.ts';
import { applicantInput } from '../../applications/testing/application-factories.ts';
import { submitOnlineApplication } from '../../applications/index.ts';
import { openConsultation, registerProposal } from '../index.ts';

/**
 * Only 部门信箱's organ switch said where work waits (县住建局（6 件待办理）); 依申请公开, 意见征集 and 建议提案 listed
 * plain organ names, so someone handling several organs had to open each to find the work. Their switches name, by the
 * rule each list opens by (what 待办 counts for that area), how much waits at each organ: 县自然资源局（1 件待办）.
 */
describeEachDialect('the organ switches of 依申请公开, 意见征集 and 建议提案 say what waits where', (db) => {
  it('names N 件待办 beside each organ where work waits, and nothing beside the others', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-09-17T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县教育体育局' });
    const keeper = await createActor(deps, county.code, 'organ_admin');
    await submitOnlineApplication(deps, bureau.code, applicantInput());
    // A record received 2026-02-10 is past its three months by 10-28; a consultation closed 09-30 is past its 15 working days for the feedback report.
    await registerProposal(deps, keeper.actor, bureau.id, { kind: 'suggestion', number: '31', title: '逾期的建议', submitters: '赵某', session: '县十八届人大五次会议', receivedOn: '2026-02-10', role: 'lead' });
    await openConsultation(deps, keeper.actor, bureau.id, {
      title: '关于城区停车收费标准调整的征求意见稿', body: '第一条 为规范停车秩序……', howToComment: '在本页提交意见', startOn: '2026-09-21', endOn: '2026-09-30',
    });
    deps.clock.set('2026-10-28T02:00:00Z');
    const me = await loginAs(app, keeper.username, keeper.password);
    for (const url of ['/admin/applications', '/admin/proposals', '/admin/consultations']) {
      const page = await app.inject({ url, cookies: me.cookies });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain(`<option value="${bureau.code}" selected>${bureau.name}（1 件待办）</option>`);
      expect(page.body, url).toContain(`<option value="${county.code}">${county.name}</option>`);
      // Asked for by code, the other organ opens and the switch still says where the work is.
      const other = await app.inject({ url: `${url}?organ=${county.code}`, cookies: me.cookies });
      expect(other.body, url).toContain(`<option value="${bureau.code}">${bureau.name}（1 件待办）</option>`);
      expect(other.body, url).toContain(`<option value="${county.code}" selected>${county.name}</option>`);
    }
    await app.close();
  });
});
