import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';

/** The back-office menu's entries on a page, in order. */
const menuOf = (html: string) => [...(/<nav aria-label="后台导航">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => h.startsWith('/admin'));

/** Signs the person in and opens every entry of their menu: none may answer anything but 200. */
async function menuAndAnswers(app: FastifyInstance, who: { username: string; password: string }) {
  const { cookies } = await loginAs(app, who.username, who.password);
  const home = await app.inject({ url: '/admin', cookies });
  const menu = menuOf(home.body);
  const answers: Record<string, number> = {};
  for (const href of menu) answers[href] = (await app.inject({ url: href, cookies })).statusCode;
  return { home: home.body, menu, answers, cookies };
}

/**
 * Found by an outside tester: a 信息员 of an internal unit (股室) only was offered 年度报告, 机关与目录 and
 * 检索统计, whose pages gave them nothing to do; the 工作台 offered 新建信息 on the bureau without saying the
 * item would be the bureau's, submitted by their unit; 待办提醒 told them of the annual report; 监督检查
 * offered them 立即检查, which answers 403. The menu and each page now follow one rule.
 */
describeEachDialect('the back office’s menu against what each page allows', (db) => {
  it('offers a unit’s staff only entries whose pages serve them, and every entry shown answers 200', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    await createNode(deps, bureau.id, { name: '工作动态' });
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股' });
    for (const role of ['editor', 'unit_head'] as const) {
      const clerk = await createStaff(deps, unit.code, role);
      const { home, menu, answers, cookies } = await menuAndAnswers(app, clerk);
      for (const href of ['/admin/annual-reports', '/admin/organs', '/admin/search-terms']) expect(menu, `${role} ${href}`).not.toContain(href);
      for (const href of ['/admin', '/admin/review', '/admin/publications', '/admin/supervision', '/admin/letters/units']) expect(menu, `${role} ${href}`).toContain(href);
      for (const [href, status] of Object.entries(answers)) expect(status, `${role} ${href}`).toBe(200);
      // The pages themselves refuse, in words, what the menu does not offer.
      for (const [href, says] of [
        ['/admin/annual-reports', '下属单位不单独编制年度报告'],
        ['/admin/search-terms', '检索统计'],
        ['/admin/organs', '机关管理员'],
      ] as const) {
        const res = await app.inject({ url: href, cookies });
        expect(res.statusCode, `${role} ${href}`).toBe(403);
        expect(res.body, `${role} ${href}`).toContain(says);
        expect(menuOf(res.body), `${role} ${href}`).toEqual(menu);
      }
      // 工作台: no annual-report reminder; the bureau's 新建信息 says whose item it is and who submits it.
      expect(home, role).not.toContain('年度报告编制期');
      expect(home, role).toContain(`新建信息（房地产市场监管股报送）`);
      expect(home, role).toContain('信息属于该机关，由本单位报送');
      // 监督检查 shows the bureau, without the inspection button that would answer 403.
      const supervision = (await app.inject({ url: '/admin/supervision', cookies })).body;
      expect(supervision, role).toContain(`href="/admin/supervision/${bureau.code}"`);
      expect(supervision, role).not.toContain('action="/admin/supervision/inspect"');
    }
    // The unit's administrator manages the unit (机关与目录), and every entry offered answers too.
    const unitAdmin = await menuAndAnswers(app, await createStaff(deps, unit.code, 'organ_admin'));
    expect(unitAdmin.menu).toContain('/admin/organs');
    for (const [href, status] of Object.entries(unitAdmin.answers)) expect(status, `unit admin ${href}`).toBe(200);
    await app.close();
  });

  it('keeps those entries for the organ’s own staff, and 机关与目录 for its administrators', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    const bureau = await createOrgan(deps);
    await createNode(deps, bureau.id, { name: '工作动态' });
    const editor = await createStaff(deps, bureau.code, 'editor');
    const mine = await menuAndAnswers(app, editor);
    for (const href of ['/admin/annual-reports', '/admin/search-terms', '/admin/supervision']) expect(mine.menu, href).toContain(href);
    expect(mine.menu).not.toContain('/admin/organs');
    for (const [href, status] of Object.entries(mine.answers)) expect(status, href).toBe(200);
    expect(mine.home).toContain('年度报告编制期');
    expect(mine.home).toContain(`<a class="btn btn-small" href="/admin/organs/${bureau.code}/publications/new">新建信息</a>`);
    expect((await app.inject({ url: '/admin/supervision', cookies: mine.cookies })).body).not.toContain('action="/admin/supervision/inspect"');

    for (const role of ['organ_admin', 'disclosure_office'] as const) {
      const who = await createStaff(deps, bureau.code, role);
      const theirs = await menuAndAnswers(app, who);
      expect(theirs.menu.includes('/admin/organs'), role).toBe(role === 'organ_admin');
      for (const [href, status] of Object.entries(theirs.answers)) expect(status, `${role} ${href}`).toBe(200);
      expect((await app.inject({ url: '/admin/supervision', cookies: theirs.cookies })).body, role).toContain('action="/admin/supervision/inspect"');
    }
    await app.close();
  });
});
