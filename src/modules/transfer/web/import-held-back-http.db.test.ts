import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { createApiToken } from '../../identity/index.ts';

const CSV_HEADER = '标题,成文日期,发布日期,五公开,文件类型,目录,正文';

describeEachDialect('published history with personal data is held back for review, over HTTP', (db) => {
  it('the API answers what the scan found (masked), how many were published and which were held back', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      const token = await createApiToken(deps, (await createStaff(deps, organ.code, 'organ_admin')).username, 'import');
      const items = [
        { title: '县住建局召开安全生产会议', formedOn: '2025-05-01', publishedOn: '2025-05-02', stage: 'result', docType: 'other', catalogPaths: ['工作动态'], bodyHtml: '<p>会议。</p>' },
        { title: '关于赵某保障资格的公示', formedOn: '2025-05-01', publishedOn: '2025-05-02', stage: 'result', docType: 'other', catalogPaths: ['工作动态'], bodyHtml: '<p>赵某，手机13912345678。</p>' },
      ];
      const post = (dryRun: boolean) => app.inject({
        method: 'POST', url: `/api/v1/organs/${organ.code}/import?as=published&dryRun=${dryRun}`, headers: { authorization: `Bearer ${token}` }, payload: { items },
      });
      const dry = await post(true);
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({
        ok: true, published: 0, written: [],
        findings: [{ at: '第2条', title: '关于赵某保障资格的公示', field: '正文', type: 'mobile_phone', kind: '手机号码', severity: 'block' }],
        heldBack: [{ at: '第2条', id: null, title: '关于赵某保障资格的公示', code: 'WARN_TRANSFER_HELD_FOR_REVIEW' }],
      });
      expect(dry.body).not.toContain('13912345678');

      const done = await post(false);
      expect(done.statusCode).toBe(201);
      const held = done.json().heldBack[0];
      expect(done.json()).toMatchObject({ ok: true, published: 1, heldBack: [{ title: '关于赵某保障资格的公示', id: expect.any(Number) }] });
      expect(held.message).toContain('正文：手机号码');
      expect(done.body).not.toContain('13912345678');
      const rows = await deps.db.selectFrom('publications').select(['id', 'title', 'status']).where('organ_id', '=', organ.id).orderBy('id').execute();
      expect(rows.map((r) => [r.title, r.status])).toEqual([['县住建局召开安全生产会议', 'published'], ['关于赵某保障资格的公示', 'draft']]);
      expect(Number(rows[1].id)).toBe(held.id);
    } finally {
      await app.close();
    }
  });

  it('the back office lists the findings masked after 只检查, and the import page counts and links what it held back', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, session: s, upload: send } = await importDesk(app, deps, '工作动态');
      const upload = (csv: string, dryRun: boolean) => send(csv, { mode: 'published', dryRun });
      const csv = `${CSV_HEADER}\n县住建局召开安全生产会议,2026-03-01,2026-03-02,执行,其他,工作动态,<p>会议。</p>\n关于钱某保障资格的公示,2026-03-01,2026-03-02,结果,其他,工作动态,<p>钱某，身份证号11010519491231002X。</p>\n`;
      const dry = await upload(csv, true);
      expect(dry.body).toContain('检查通过');
      expect(dry.body).toContain('隐私与保密扫描发现（1 处');
      expect(dry.body).toContain('导入时不发布、作为草稿待审核的信息（1 条）');
      expect(dry.body).not.toContain('11010519491231002X');

      const done = await upload(csv, false);
      expect(done.body).toContain('其中已发布 1 条；1 条经隐私与保密扫描发现须处理的内容，未发布，已作为草稿导入，待报送审核。');
      expect(done.body).not.toContain('11010519491231002X');
      const held = await deps.db.selectFrom('publications').select(['id', 'status']).where('title', '=', '关于钱某保障资格的公示').executeTakeFirstOrThrow();
      expect(held.status).toBe('draft');
      expect(done.body).toContain(`<a href="/admin/publications/${held.id}">关于钱某保障资格的公示</a>`);
      // The item's own page says why it is a draft.
      const page = await app.inject({ method: 'GET', url: `/admin/publications/${held.id}`, cookies: s.cookies });
      expect(page.body).toContain('因隐私与保密扫描发现须处理的内容（正文：身份证号），未随导入发布，转为草稿经审核流程处理');
      expect((await app.inject({ method: 'GET', url: `/organs/${organ.code}/catalog` })).body).not.toContain('关于钱某保障资格的公示');
    } finally {
      await app.close();
    }
  });
});
