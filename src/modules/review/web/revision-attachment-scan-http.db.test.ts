import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';
import { buildDocx } from '../../../../test/corpus/privacy/factories/build-docx.ts';
import { loadForm } from '../index.ts';

/** The 敏感信息扫描 part of an item's page: its heading (when and how many) and the findings under it. */
const scanSection = (page: string) => page.slice(page.indexOf('id="scan-h"'), page.indexOf('id="revision-h"'));
const ROSTER = buildDocx({ blocks: ['停水户名单', '户主：王建国，身份证号11010519491231002X，城关镇幸福路'] });

/**
 * An outside tester: a file added to (or removed from) a pending revision of a published item was not
 * scanned until someone approved the revision — the item's page kept the findings of the scan made when
 * the revision was saved, so neither the officer nor the reviewer saw that the new file held a personal
 * ID number or a 密级标志 until 修订审核通过 was refused. The revision's scan follows its files: the page
 * shows the findings of what the revision would publish as soon as a file is added, removed or kept.
 */
describeEachDialect('a pending revision\'s files are scanned when they change', (db) => {
  it('shows a personal ID number in a file added to the revision at once, to its officer and its reviewer, and drops it when the file is removed', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item, publisher, upload, remove, page } = await createPendingRevision(app, deps);
      expect((await loadForm(deps.db, item.id))!.scanFindings, 'the revision as saved holds nothing to find').toEqual([]);

      expect((await upload('停水户名单.docx', ROSTER)).statusCode).toBe(303);
      const found = (await loadForm(deps.db, item.id))!.scanFindings;
      expect(found).toEqual([expect.objectContaining({ source: '附件：停水户名单.docx', type: 'id_card', text: '11010519491231002X', severity: 'block' })]);
      const own = await page();
      expect(own).toContain('敏感信息扫描发现 1 处，其中须处理 1 处');
      expect(scanSection(own)).toContain('附件：停水户名单.docx');
      expect(scanSection(own)).toContain('身份证号');
      const theirs = await loginAs(app, publisher.username, publisher.password);
      const review = await page(theirs);
      expect(scanSection(review)).toContain('附件：停水户名单.docx');
      expect(review, 'the reviewer is told before approving').toMatch(/暂不能“修订审核通过”：[\s\S]*?疑似个人信息/);

      const added = await deps.db.selectFrom('attachments').select('id').where('publication_id', '=', item.id).executeTakeFirstOrThrow();
      expect((await remove(added.id)).statusCode).toBe(303);
      expect((await loadForm(deps.db, item.id))!.scanFindings).toEqual([]);
      const after = await page(theirs);
      expect(after).toContain('敏感信息扫描未发现问题');
      expect(scanSection(after)).not.toContain('停水户名单.docx');
      expect(after).not.toContain('暂不能“修订审核通过”');
    } finally {
      await app.close();
    }
  });

  it('shows a 密级标志 in an added file as what no reviewer may pass', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item, publisher, upload, page } = await createPendingRevision(app, deps);
      expect((await upload('停水方案.docx', buildDocx({ blocks: ['秘密★1年', '城区停水应急方案'] }))).statusCode).toBe(303);
      expect((await loadForm(deps.db, item.id))!.scanFindings).toEqual([expect.objectContaining({ source: '附件：停水方案.docx', type: 'classified_marking', text: '秘密★1年' })]);
      const review = await page(await loginAs(app, publisher.username, publisher.password));
      expect(scanSection(review)).toContain('密级标志');
      expect(review).toMatch(/暂不能“修订审核通过”：[\s\S]*?扫描发现 1 处密级标志/);
    } finally {
      await app.close();
    }
  });

  it('takes a live file the revision removes out of its findings, and puts it back when the file is kept', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item, remove, keep } = await createPendingRevision(app, deps, { files: [{ fileName: '停水户名单.docx', bytes: ROSTER }] });
      const findings = async () => (await loadForm(deps.db, item.id))!.scanFindings.map((f) => `${f.source} ${f.type}`);
      // Scanned with the revision when it was saved: the live file is part of what it would publish.
      expect(await findings()).toEqual(['附件：停水户名单.docx id_card']);
      const live = await deps.db.selectFrom('attachments').select('id').where('publication_id', '=', item.id).executeTakeFirstOrThrow();
      expect((await remove(live.id)).statusCode).toBe(303);
      expect(await findings(), 'the revision no longer publishes it').toEqual([]);
      expect((await keep(live.id)).statusCode).toBe(303);
      expect(await findings()).toEqual(['附件：停水户名单.docx id_card']);
    } finally {
      await app.close();
    }
  });
});
