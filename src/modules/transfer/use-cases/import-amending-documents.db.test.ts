import { expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { findOrganByCode, validityLinksOf } from '../../catalog/index.ts';
import { performReviewVerb } from '../../review/index.ts';
import { collectExport, renderExport } from './export-items.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';

const HEADER = '索引号,标题,文号,成文日期,发布日期,五公开,文件类型,目录,正文,信息类别,解读形式,所解读的政策,有效性,替代文件,修改文件';
const csv = (lines: string[]) => readItemFile('items.csv', new TextEncoder().encode([HEADER, ...lines].join('\n')));
const count = async (deps: ReturnType<typeof buildDeps>) => Number((await deps.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/**
 * The content import's 替代文件 and 修改文件 (ADR 0054): the rules 标记废止 and 标记已修改 apply (ADR 0048) — never a 政策解读,
 * never a document made before the row — where the import checked only that a 替代文件 existed; and the documents that
 * amended an item 已修改 go out with an export and come back with its import (the 修改文件 column), where they were lost.
 */
describeEachDialect('the import’s 替代文件 and 修改文件 (ADR 0048, ADR 0054)', (db) => {
  it('refuses a 政策解读 or an earlier document as 替代文件 or 修改文件, by row, and imports nothing of the file', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    await createNode(deps, organ.id, { name: '政策文件' });
    const interpretationInDb = await createPublished(deps, organ.id, [(await createNode(deps, organ.id, { name: '政策解读' }))], {
      title: '《青岚县供水条例》政策解读', formedOn: '2026-02-20', itemKind: 'interpretation', interpretationForm: 'text',
      policyIds: [(await createPublished(deps, organ.id, [(await createNode(deps, organ.id))], { title: '青岚县供水条例', formedOn: '2026-02-19' })).id],
    });
    const before = await count(deps);
    const r = await importItems(deps, system, organ.code, csv([
      'C1/2026-00001,青岚县排水许可办法,岚建〔2026〕1号,2026-01-05,2026-01-06,决策,其他,政策文件,<p>全文。</p>,,,,,,',
      'C1/2026-00002,《青岚县排水许可办法》政策解读,,2026-01-07,2026-01-08,决策,其他,政策文件,<p>解读。</p>,政策解读,文字解读,C1/2026-00001,,,',
      'C1/2026-00003,青岚县排水管理暂行办法,,2025-06-01,2025-06-02,决策,其他,政策文件,<p>全文。</p>,,,,已废止,C1/2026-00002,',
      'C1/2026-00004,青岚县城镇排水管理办法,,2026-02-01,2026-02-02,决策,其他,政策文件,<p>全文。</p>,,,,已修改,,岚建[2026]1号',
      'C1/2026-00005,青岚县污水处理管理办法,,2026-02-01,2026-02-02,决策,其他,政策文件,<p>全文。</p>,,,,已废止,C1/2026-00001,',
      'C1/2026-00006,青岚县雨水排放管理办法,,2025-01-01,2025-01-02,决策,其他,政策文件,<p>全文。</p>,,,,已修改,,《青岚县排水许可办法》政策解读',
      'C1/2026-00007,青岚县排水设施维护办法,,2025-01-01,2025-01-02,决策,其他,政策文件,<p>全文。</p>,,,,有效,,C1/2026-00001',
      `C1/2026-00008,青岚县供水管理暂行办法,,2025-01-01,2025-01-02,决策,其他,政策文件,<p>全文。</p>,,,,已修改,${interpretationInDb.indexNumber},`,
      // Two rows that would amend each other.
      'C1/2026-00009,青岚县节约用水办法,,2025-03-01,2025-03-02,决策,其他,政策文件,<p>全文。</p>,,,,已修改,,C1/2026-00010',
      'C1/2026-00010,关于修改《青岚县节约用水办法》的决定,,2025-03-01,2025-03-02,决策,其他,政策文件,<p>全文。</p>,,,,已修改,,C1/2026-00009',
    ]), { mode: 'published', dryRun: false, attachments: null, from: 'items.csv' });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      { at: '第4行', message: '《〈青岚县排水许可办法〉政策解读》是政策解读，不能作为替代文件：政策解读只解读文件，不能废止并替代文件；请填写替代本文件的现行文件' },
      { at: '第5行', message: '《青岚县排水许可办法》的成文日期（2026-01-05）早于本文件的成文日期（2026-02-01），不能作为修改文件：文件只能被在其之后制发的文件修改' },
      { at: '第6行', message: '《青岚县排水许可办法》的成文日期（2026-01-05）早于本文件的成文日期（2026-02-01），不能作为替代文件：文件只能被在其之后制发的文件废止并替代' },
      { at: '第7行', message: '《〈青岚县排水许可办法〉政策解读》是政策解读，不能作为修改文件：政策解读只解读文件，不能修改文件；请填写作出修改的决定或文件' },
      { at: '第8行', message: '填写了修改文件，有效性应为“已修改”（修改后又废止或失效的，为“已废止”或“已失效”）' },
      { at: '第9行', message: '《〈青岚县供水条例〉政策解读》是政策解读，不能作为修改文件：政策解读只解读文件，不能修改文件；请填写作出修改的决定或文件' },
      { at: '第10行', message: '本文件已修改或替代了《关于修改《青岚县节约用水办法》的决定》（直接或经其他文件），两份文件不能互相修改' },
      { at: '第11行', message: '本文件已修改或替代了《青岚县节约用水办法》（直接或经其他文件），两份文件不能互相修改' },
    ]);
    expect(await count(deps)).toBe(before);
  });

  it('records each 修改文件 named by 索引号, 文号 or title, of the file or the database, as 标记已修改 would', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '政策文件' });
    const county = await createPublished(deps, organ.id, [node], { title: '关于修改部分规范性文件的决定', documentNumber: '岚政〔2025〕9号', formedOn: '2025-09-01' });
    const r = await importItems(deps, system, organ.code, csv([
      'A1/2021-00001,青岚县公共租赁住房管理办法,岚建规〔2021〕1号,2021-01-04,2021-01-08,决策,行政规范性文件,政策文件,<p>全文。</p>,,,,已修改,,岚政[2025]9号；关于修改《青岚县公共租赁住房管理办法》的决定',
      'A1/2024-00003,关于修改《青岚县公共租赁住房管理办法》的决定,岚建规〔2024〕3号,2024-05-01,2024-05-06,决策,行政规范性文件,政策文件,<p>全文。</p>,,,,,,',
    ]), { mode: 'published', dryRun: false, attachments: null, from: 'items.csv' });
    expect(r.problems).toEqual([]);
    const measure = r.written.find((w) => w.title === '青岚县公共租赁住房管理办法')!;
    expect((await validityLinksOf(deps.db, measure.id)).amendedBy.map((l) => l.title)).toEqual(['关于修改《青岚县公共租赁住房管理办法》的决定', county.title]);
  });

  for (const format of ['csv', 'xlsx', 'json'] as const) {
    it(`export → import (${format}) into an empty database keeps the documents that amended an item 已修改`, async () => {
      const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
      const source = await createOrgan(deps);
      const node = await createNode(deps, source.id, { name: '规范性文件' });
      const measure = await createPublished(deps, source.id, [node], { title: '青岚县公共租赁住房管理办法', documentNumber: '岚建规〔2021〕1号', formedOn: '2021-01-04', docType: 'normative_document' });
      const first = await createPublished(deps, source.id, [node], { title: '关于修改《青岚县公共租赁住房管理办法》的决定', documentNumber: '岚建规〔2024〕3号', formedOn: '2024-05-01', docType: 'normative_document' });
      const second = await createPublished(deps, source.id, [node], { title: '关于修改部分规范性文件的决定', documentNumber: '岚建规〔2026〕2号', formedOn: '2026-02-01', docType: 'normative_document' });
      await performReviewVerb(deps, system, measure.id, 'mark_amended', { amendingId: first.id });
      await performReviewVerb(deps, system, measure.id, 'mark_amended', { amendingId: second.id });
      const amenders = (await validityLinksOf(deps.db, measure.id)).amendedBy.map((l) => l.title);
      expect(amenders).toEqual([first.title, second.title]);

      const doc = await collectExport(deps, source.code);
      const out = renderExport(doc, format);
      if (format === 'csv') expect(out.bytes.toString('utf8').split('\n')[0]).toContain('修改文件');
      const empty = await createTestDatabase(db().dialect);
      try {
        const emptyDeps = buildDeps(empty, '2026-03-10T02:00:00Z');
        const copy = await createOrgan(emptyDeps, { code: source.code, name: source.name });
        if (format === 'csv') {
          await importItems(emptyDeps, system, copy.code, readItemFile('c.json', Buffer.from(JSON.stringify({ catalog: doc.catalog, items: [] }))), { mode: 'published', dryRun: false, attachments: null, from: 'c.json' });
        }
        const r = await importItems(emptyDeps, system, copy.code, readItemFile(out.fileName, out.bytes), { mode: 'published', dryRun: false, attachments: null, from: out.fileName });
        expect(r.problems).toEqual([]);
        const organ = (await findOrganByCode(emptyDeps.db, copy.code))!;
        const copied = await emptyDeps.db.selectFrom('publications').select(['id', 'validity']).where('organ_id', '=', organ.id).where('title', '=', measure.title).executeTakeFirstOrThrow();
        expect(copied.validity).toBe('amended');
        expect((await validityLinksOf(emptyDeps.db, copied.id)).amendedBy.map((l) => l.title), '修改文件').toEqual(amenders);
      } finally {
        await empty.drop();
      }
    });
  }
});
