import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { findPublication, type Organ } from '../../catalog/index.ts';
import { searchPublications } from '../../search/index.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { directorySource } from './attachment-source.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

/** An item as the import file gives it (JSON: a body may hold quotes and commas as it is). */
const row = (n: number, title: string, bodyHtml: string, extra: Record<string, unknown> = {}) => ({
  indexNumber: `S1/2020-${String(n).padStart(5, '0')}`, title, formedOn: '2020-03-01', publishedOn: '2020-03-02', stage: '结果', docType: '其他',
  catalogPaths: ['工作动态'], bodyHtml, ...extra,
});
const json = (items: unknown[]) => readItemFile('items.json', new TextEncoder().encode(JSON.stringify({ items })));

async function statusOf(deps: AppDeps, indexNumber: string) {
  const r = await deps.db.selectFrom('publications').select('id').where('index_number', '=', indexNumber).executeTakeFirst();
  return r ? (await findPublication(deps.db, Number(r.id)))!.status : null;
}

async function onPortal(deps: AppDeps, organ: Organ, q: string) {
  const found = await searchPublications(deps, { q, filters: { scopeOrganId: organ.id }, sort: 'relevance', page: 1, pageSize: 10 });
  return found.hits.length;
}

for (const dialect of DIALECTS) {
  describe(`an import's privacy and secrecy scan is the review scan on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let deps: ReturnType<typeof buildDeps>;
    let organ: Organ;
    let dir: string;

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      deps = buildDeps(db);
      organ = await createOrgan(deps);
      await createNode(deps, organ.id, { name: '工作动态' });
      dir = makeTempDir('transfer-scan');
      fs.mkdirSync(path.join(dir, 'att'));
      fs.writeFileSync(path.join(dir, 'att', '名单.txt'), '享受保障家庭名单\n王某 身份证号 11010519491231002X\n');
    });
    afterAll(async () => {
      await db?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a body writing its digits as character references, or a personal e-mail in a link, is not published as it is', async () => {
      // What the portal stores is the sanitised body, where &#49; is 1: the scan reads that. Each row
      // on its own, so that one row's refusal cannot hide the other's fate.
      const rows = [
        row(1, '关于王某住房保障资格的公示', '<p>申请人王某，身份证号&#49;1010519491231002X，符合条件。</p>'),
        row(2, '联系方式公示', '<p>有意见请<a href="mailto:wangmou1987@163.com">来信</a>。</p>'),
      ];
      for (const r of rows) {
        const report = await importItems(deps, system, organ.code, json([r]), { mode: 'published', dryRun: false, attachments: null, from: 'items.json' });
        expect(await statusOf(deps, r.indexNumber)).toBe('draft');
        expect(report.heldBack.map((h) => h.title)).toEqual([r.title]);
        expect(JSON.stringify(report)).not.toContain('11010519491231002X');
        expect(JSON.stringify(report)).not.toContain('wangmou1987@163.com');
      }
      expect(await onPortal(deps, organ, '住房保障资格')).toBe(0);
      expect(await onPortal(deps, organ, '联系方式公示')).toBe(0);
    });

    it('a 密级标志 written with a character reference is refused like any marking, and nothing is written', async () => {
      const r = await importItems(deps, system, organ.code, json([
        row(3, '一条干净的信息', '<p>局召开安全生产会议。</p>'),
        row(4, '关于工作安排的通知', '<p>秘密&#9733;1年</p><p>各股室：现将有关事项通知如下。</p>'),
      ]), { mode: 'published', dryRun: false, attachments: null, from: 'items.json' });
      expect(r.ok).toBe(false);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].message).toContain('正文含有密级标志');
      expect(r.problems[0].message).toContain('保守国家秘密法');
      expect(await statusOf(deps, 'S1/2020-00003')).toBeNull();
      expect(await statusOf(deps, 'S1/2020-00004')).toBeNull();
    });

    it('publishes the clean items and holds back, as drafts for review, those with personal data in the body or an attachment — the dry run saying so, masked', async () => {
      const items = [
        row(5, '局召开安全生产会议', '<p>4月1日，局召开安全生产会议。</p>'),
        row(6, '关于李某住房保障资格的公示', '<p>申请人李某，手机13912345678，符合条件。</p>'),
        row(7, '保障家庭名单公示', '<p>名单见附件。</p>', { attachments: ['名单.txt'] }),
      ];
      const opts = { mode: 'published' as const, attachments: directorySource(path.join(dir, 'att')), from: 'items.json' };
      const dry = await importItems(deps, system, organ.code, json(items), { ...opts, dryRun: true });
      expect(dry.ok).toBe(true);
      expect(dry.findings.map(({ at: _at, ...f }) => f)).toEqual([
        { title: '关于李某住房保障资格的公示', field: '正文', type: 'mobile_phone', kind: '手机号码', severity: 'block', excerpt: expect.stringContaining('*') },
        { title: '保障家庭名单公示', field: '附件：名单.txt', type: 'id_card', kind: '身份证号', severity: 'block', excerpt: expect.stringContaining('*') },
      ]);
      expect(dry.heldBack.map((h) => ({ id: h.id, title: h.title, code: h.code }))).toEqual([
        { id: null, title: '关于李某住房保障资格的公示', code: 'WARN_TRANSFER_HELD_FOR_REVIEW' },
        { id: null, title: '保障家庭名单公示', code: 'WARN_TRANSFER_HELD_FOR_REVIEW' },
      ]);
      expect(JSON.stringify(dry)).not.toContain('13912345678');
      expect(JSON.stringify(dry)).not.toContain('11010519491231002X');
      expect(await statusOf(deps, 'S1/2020-00005')).toBeNull();

      const r = await importItems(deps, system, organ.code, json(items), { ...opts, dryRun: false });
      expect(r.ok).toBe(true);
      expect(r.written).toHaveLength(3);
      expect(r.published).toBe(1);
      expect(r.heldBack.map((h) => h.title)).toEqual(['关于李某住房保障资格的公示', '保障家庭名单公示']);
      expect(r.heldBack.every((h) => r.written.some((w) => w.id === h.id))).toBe(true);
      expect(await statusOf(deps, 'S1/2020-00005')).toBe('published');
      expect(await statusOf(deps, 'S1/2020-00006')).toBe('draft');
      expect(await statusOf(deps, 'S1/2020-00007')).toBe('draft');
      expect(await onPortal(deps, organ, '保障家庭名单')).toBe(0);
      expect(await onPortal(deps, organ, '安全生产会议')).toBe(1);
    });
  });
}
