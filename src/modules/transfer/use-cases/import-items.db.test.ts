import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../../test/support/db.ts';
import { buildTestApp } from '../../../../test/support/app.ts';
import { buildDeps, createDraft, createNode, createOrgan, system } from '../../../../test/support/factories.ts';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { buildPdf } from '../../../../test/corpus/privacy/factories/build-pdf.ts';
import {
  attachmentPath, findOrganByCode, findPublication, interpretationLinks, listAttachments, listCatalogNodes, listDirectoryMatters, recordRedirect, resolveRedirect, type Organ,
} from '../../catalog/index.ts';
import { findDirectoryTemplate } from '../../catalog/use-cases/directory-templates.ts';
import { importStandardDirectory } from '../../catalog/use-cases/import-standard-directory.ts';
import { addAttachment, createPublication } from '../../catalog/index.ts';
import { publishImported } from '../../review/index.ts';
import { searchPublications } from '../../search/index.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { collectExport, renderExport, writeAttachments } from './export-items.ts';
import { directorySource, zipSource } from './attachment-source.ts';
import { importItems } from './import-items.ts';
import { readItemFile } from './read-item-file.ts';
import { readSiteCrawl } from './read-site-crawl.ts';

const HEADER = '索引号,标题,成文日期,发布日期,五公开,文件类型,体裁,目录,附件,正文';
let PDF: Buffer;

/** Every count an import could change, so "nothing imported" is checked, not assumed. */
async function counts(deps: AppDeps) {
  const n = async (t: 'publications' | 'attachments' | 'catalog_nodes' | 'redirects') =>
    Number((await deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: await n('publications'), attachments: await n('attachments'), nodes: await n('catalog_nodes'), redirects: await n('redirects') };
}

/**
 * What the portal shows of an organ, without ids: its tree with its 标准目录 事项, and each published
 * item with its places, files' bytes and what its page links to — the published replacement of a
 * repealed item, an interpretation's policies and a policy's interpretations, the 事项 it fulfils.
 */
async function portalOf(deps: AppDeps, organ: Organ) {
  const doc = await collectExport(deps, organ.code);
  const matters = await listDirectoryMatters(deps.db, organ.id);
  const nodes = await listCatalogNodes(deps.db, organ.id);
  const titles = (list: { title: string; publishedOn: string | null }[]) => list.map((l) => `${l.publishedOn} ${l.title}`);
  return {
    // The nodes' addresses are compared on their own (below): a node may come in under another number.
    catalog: doc.catalog.map(({ addresses: _addresses, ...n }) => n),
    matters: matters.map((m) => ({ node: nodes.find((n) => n.id === m.nodeId)!.name, templateId: m.templateId, key: m.key, name: m.name, legalBasis: m.legalBasis, timeLimit: m.timeLimit })),
    items: await Promise.all(doc.items.map(async ({ publication: p, catalogPaths, files }) => ({
      itemKind: p.itemKind, interpretationForm: p.interpretationForm,
      replacement: await (async () => {
        const r = p.replacedById ? await findPublication(deps.db, p.replacedById) : null;
        return r && r.status === 'published' ? { indexNumber: r.indexNumber, title: r.title } : null;
      })(),
      links: await interpretationLinks(deps.db, p.id).then((l) => ({ policies: titles(l.policies), interpretations: titles(l.interpretations) })),
      matter: ((m) => (m ? { name: m.name, legalBasis: m.legalBasis, timeLimit: m.timeLimit, subject: m.subject, audience: m.audience, mode: m.mode } : null))(
        matters.find((m) => m.id === p.matterId),
      ),
      indexNumber: p.indexNumber, title: p.title, documentNumber: p.documentNumber, publishingOrganName: p.publishingOrganName, formedOn: p.formedOn,
      publishedOn: p.publishedOn, subject: p.subject, genre: p.genre, stage: p.stage, disclosureMode: p.disclosureMode, disclosurePeriod: p.disclosurePeriod,
      audience: p.audience, validity: p.validity, docType: p.docType, keywords: p.keywords, summary: p.summary, bodyHtml: p.bodyHtml, source: p.source,
      consultPhone: p.consultPhone, status: p.status, publishRoute: p.publishRoute, catalogPaths,
      files: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256, bytes: fs.readFileSync(attachmentPath(deps.dataDir, f.storageKey)).toString('base64') })),
    }))),
  };
}

for (const dialect of DIALECTS) {
  describe(`content import and export on ${dialect}`, () => {
    let db: Awaited<ReturnType<typeof createTestDatabase>>;
    let deps: ReturnType<typeof buildDeps>;
    let organ: Organ;
    let dir: string;
    const file = (name: string, content: string | Uint8Array) => {
      const p = path.join(dir, name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
      return p;
    };
    const csv = (lines: string[]) => readItemFile('items.csv', new TextEncoder().encode([HEADER, ...lines].join('\n')));

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      deps = buildDeps(db);
      organ = await createOrgan(deps);
      const policy = await createNode(deps, organ.id, { name: '政策文件' });
      await createNode(deps, organ.id, { name: '规范性文件', parentId: policy });
      await createNode(deps, organ.id, { name: '工作动态' });
      dir = makeTempDir('transfer');
      PDF ??= Buffer.from(await buildPdf(['Notice of the housing bureau']));
      file('att/通知.pdf', PDF);
    });
    afterAll(async () => {
      await db?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('refuses a file with one bad row, reporting its line and reason, and imports nothing', async () => {
      const before = await counts(deps);
      const r = await importItems(deps, system, organ.code, csv([
        'X1/2020-00001,关于做好2020年保障性住房分配工作的通知,2020-03-01,2020-03-02,执行,其他,通知,政策文件/规范性文件,通知.pdf,<p>各乡镇：现将有关事项通知如下。</p>',
        'X1/2020-00002,住建局召开安全生产会议,2020-04-01,2020-04-31,执行公开,其他,工作动态,工作动态,,<p>4月1日，局召开会议。</p>',
      ]), { mode: 'published', dryRun: false, attachments: directorySource(path.join(dir, 'att')), from: 'items.csv' });
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([{ at: '第3行', message: '发布日期“2020-04-31”不是有效日期（如 2020-01-02）' }]);
      expect(await counts(deps)).toEqual(before);
      // The attachment of the good row was not written either.
      expect(fs.existsSync(path.join(deps.dataDir, 'attachments'))).toBe(false);
    });

    it('a row that fails while writing, late in a long file, leaves nothing imported — though the import let other work run between its rows', async () => {
      const filesIn = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);
      file('late/早.txt', '第一条的附件');
      file('late/末.txt', '最后一条的附件');
      const folder = directorySource(path.join(dir, 'late'));
      // The last row's file is there when the rows are checked and gone when it is written.
      let reads = 0;
      const vanishing = { ...folder, read: (name: string) => {
        if (name === '末.txt' && ++reads > 1) throw new Error('附件文件在导入过程中被删除');
        return folder.read(name);
      } };
      const rows = Array.from({ length: 60 }, (_, i) => `X5/2020-${String(i + 1).padStart(5, '0')},工作动态第${i + 1}期,2020-03-01,2020-03-02,执行,其他,工作动态,工作动态,${i === 0 ? '早.txt' : i === 59 ? '末.txt' : ''},<p>第${i + 1}期。</p>`);
      const before = await counts(deps);
      const filesBefore = filesIn(path.join(deps.dataDir, 'attachments'));
      const written: number[] = [];
      const ticksAt = new Map<number, number>();
      let ticks = 0;
      const timer = setInterval(() => ticks++, 0);
      try {
        await expect(importItems(deps, system, organ.code, csv(rows), {
          mode: 'published', dryRun: false, attachments: vanishing, from: 'items.csv', onProgress: (phase, done) => {
            if (phase !== 'write') return;
            written.push(done);
            ticksAt.set(done, ticks);
          },
        })).rejects.toThrow('附件文件在导入过程中被删除');
      } finally {
        clearInterval(timer);
      }
      expect(written.at(-1)).toBe(59);
      // Other work ran between rows without files (a timer here, the progress page in the back office).
      expect(ticksAt.get(50)!).toBeGreaterThan(ticksAt.get(10)!);
      expect(await counts(deps)).toEqual(before);
      expect(filesIn(path.join(deps.dataDir, 'attachments'))).toEqual(filesBefore);
    });

    it('a dry run lists every bad row with its reason and writes nothing', async () => {
      const before = await counts(deps);
      const r = await importItems(deps, system, organ.code, csv([
        'X2/2020-00001,合格的一条,2020-03-01,2020-03-02,执行,其他,通知,政策文件/规范性文件,,<p>正文。</p>',
        'X2/2020-00002,栏目不存在,2020-03-01,2020-03-02,执行,其他,通知,政策文件/行政许可,,<p>正文。</p>',
        'X2/2020-00003,,2020-03-01,2020-03-02,执行,其他,通知,工作动态,,<p>正文。</p>',
        'X2/2020-00004,日期有误,2020-13-01,2020-03-02,执行,其他,通知,工作动态,,<p>正文。</p>',
        'X2/2020-00001,索引号重复,2020-03-01,2020-03-02,执行,其他,通知,工作动态,,<p>正文。</p>',
        'X2/2020-00006,附件不存在,2020-03-01,2020-03-02,执行,其他,通知,工作动态,没有这个文件.pdf,<p>正文。</p>',
        'X2/2020-00007,五公开有误,2020-03-01,2020-03-02,公示,其他,通知,工作动态,,<p>正文。</p>',
      ]), { mode: 'published', dryRun: true, attachments: directorySource(path.join(dir, 'att')), from: 'items.csv' });
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([
        { at: '第3行', message: '目录“政策文件/行政许可”不在本机关的公开目录中' },
        { at: '第4行', message: '缺少标题' },
        { at: '第5行', message: '成文日期“2020-13-01”不是有效日期（如 2020-01-02）' },
        { at: '第6行', message: '索引号“X2/2020-00001”与第2行重复' },
        { at: '第7行', message: `附件“没有这个文件.pdf”在 ${path.join(dir, 'att')} 中找不到` },
        { at: '第8行', message: '五公开“公示”应为决策公开、执行公开、管理公开、服务公开、结果公开之一' },
      ]);
      expect(await counts(deps)).toEqual(before);
    });

    it('refuses links it cannot follow — a policy or a replacement whose 索引号 is in neither the file nor the database, a 事项 not of the row\'s nodes, a policy that is itself an interpretation — and imports nothing', async () => {
      const before = await counts(deps);
      const header = '索引号,标题,成文日期,发布日期,五公开,文件类型,目录,正文,信息类别,解读形式,所解读的政策,替代文件,标准目录事项';
      const r = await importItems(deps, system, organ.code, readItemFile('links.csv', new TextEncoder().encode([header,
        'L1/2021-00001,关于住房政策的解读,2021-03-01,2021-03-02,决策,其他,政策文件,<p>解读。</p>,政策解读,文字解读,L1/2021-09999,,',
        'L1/2021-00010,,2021-03-01,2021-03-02,决策,其他,政策文件,<p>无题。</p>,,,,,',
        'L1/2021-00002,住房管理暂行办法,2020-01-01,2020-01-02,决策,其他,政策文件,<p>全文。</p>,,,,L1/2021-08888,',
        'L1/2021-00003,配租结果公示,2021-03-01,2021-03-02,结果,其他,工作动态,<p>结果。</p>,,,,,配租结果',
        'L1/2021-00004,对解读的解读,2021-03-01,2021-03-02,决策,其他,政策文件,<p>解读。</p>,政策解读,文字解读,L1/2021-00001,,',
        // A link to a later row is fine.
        'L1/2021-00005,住房管理办法解读,2021-03-01,2021-03-03,决策,其他,政策文件,<p>解读。</p>,政策解读,文字解读,L1/2021-00006,,',
        'L1/2021-00006,住房管理办法,2021-03-01,2021-03-02,决策,其他,政策文件,<p>全文。</p>,,,,,',
      ].join('\n'))), { mode: 'published', dryRun: false, attachments: null, from: 'links.csv' });
      // By line, though a link can only be checked once every row is read.
      expect(r.problems).toEqual([
        { at: '第2行', message: '所解读的政策“L1/2021-09999”：这个索引号在文件和本系统中都找不到' },
        { at: '第3行', message: '缺少标题' },
        { at: '第4行', message: '替代文件“L1/2021-08888”：这个索引号在文件和本系统中都找不到' },
        { at: '第5行', message: '标准目录事项“配租结果”不是本信息所在目录栏目（工作动态）的事项' },
        { at: '第6行', message: '所解读的政策“L1/2021-00001”（第2行）是一篇政策解读：请填写它所解读的政策文件的索引号' },
      ]);
      expect(await counts(deps)).toEqual(before);
    });

    it('a 图解 comes in as a draft with its picture among its files and its policy found in the database by 索引号', async () => {
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      file('graphic/0001/图解.png', png);
      const header = '索引号,标题,成文日期,发布日期,五公开,文件类型,目录,附件,正文,信息类别,解读形式,图解图片,所解读的政策';
      const policy = await importItems(deps, system, organ.code, readItemFile('p.csv', new TextEncoder().encode([header,
        'G1/2021-00001,住房保障办法,2021-03-01,2021-03-02,决策,其他,政策文件/规范性文件,,<p>全文。</p>,,,,',
      ].join('\n'))), { mode: 'published', dryRun: false, attachments: null, from: 'p.csv' });
      expect(policy.problems).toEqual([]);
      const r = await importItems(deps, system, organ.code, readItemFile('g.csv', new TextEncoder().encode([header,
        'G1/2021-00002,《住房保障办法》图解,2021-03-02,,决策,其他,政策文件,0001/图解.png,<p>图解文字版。</p>,政策解读,图解,图解.png,G1/2021-00001',
      ].join('\n'))), { mode: 'draft', dryRun: false, attachments: directorySource(path.join(dir, 'graphic')), from: 'g.csv' });
      expect(r.problems).toEqual([]);
      const id = Number((await deps.db.selectFrom('publications').select('id').where('index_number', '=', 'G1/2021-00002').executeTakeFirstOrThrow()).id);
      const p = (await findPublication(deps.db, id))!;
      const [picture] = await listAttachments(deps.db, id);
      expect(p).toMatchObject({ status: 'draft', itemKind: 'interpretation', interpretationForm: 'graphic', graphicAttachmentId: picture.id });
      expect((await findPublication(deps.db, p.policyIds[0]))!.indexNumber).toBe('G1/2021-00001');
    });

    it('the privacy scanner lists an ID card number in a row\'s body, masked; a draft is imported for review as the editor would save it', async () => {
      const r = await importItems(deps, system, organ.code, csv([
        'X3/2020-00001,关于张某住房保障资格的公示,2020-03-01,2020-03-02,结果,其他,公示,工作动态,,<p>申请人张某，身份证号11010519491231002X，符合条件。</p>',
      ]), { mode: 'draft', dryRun: true, attachments: null, from: 'items.csv' });
      expect(r.problems).toEqual([]);
      expect(r.findings).toEqual([{ at: '第2行', title: '关于张某住房保障资格的公示', field: '正文', type: 'id_card', kind: '身份证号', severity: 'block', excerpt: expect.stringContaining('*') }]);
      expect(r.heldBack).toEqual([]);
      expect(JSON.stringify(r)).not.toContain('11010519491231002X');
    });

    it('refuses a row with a 密级标志, as published history or as a draft, without advising to mask it (outside tester)', async () => {
      for (const mode of ['published', 'draft'] as const) {
        const r = await importItems(deps, system, organ.code, csv([
          `X3/2020-0000${mode === 'published' ? 2 : 3},关于张某住房保障资格的公示,2020-03-01,2020-03-02,结果,其他,公示,工作动态,,<p>秘密★1年</p><p>申请人张某，手机13912345678。</p>`,
        ]), { mode, dryRun: false, attachments: null, from: 'items.csv' });
        expect(r.problems).toEqual([{
          at: '第2行',
          message: '正文含有密级标志：密级标志不能以遮盖处理，也不能由审核人说明理由放行，标有密级的信息不得导入公开平台；须先依法解密，或确认标志有误后删除（保守国家秘密法；隐私与保密扫描）',
        }]);
        expect(r.findings.map((f) => [f.kind, f.severity])).toEqual([['密级标志', 'block'], ['手机号码', 'block']]);
        expect(r.written).toEqual([]);
      }
    });

    it('imports published history with its dates and 索引号, searchable at once, or drafts for review', async () => {
      const before = await counts(deps);
      const r = await importItems(deps, system, organ.code, csv([
        'X4/2019-00012,关于公布2019年公共租赁住房保障对象的公告,2019-05-06,2019-05-08,结果,其他,公告,政策文件/规范性文件；工作动态,通知.pdf,<p>现将公共租赁住房保障对象予以公布。</p>',
      ]), { mode: 'published', dryRun: false, attachments: directorySource(path.join(dir, 'att')), from: 'items.csv' });
      expect(r).toMatchObject({ ok: true, items: 1, attachments: 1 });
      expect(await counts(deps)).toMatchObject({ items: before.items + 1, attachments: before.attachments + 1 });
      const found = await searchPublications(deps, { q: '公共租赁住房保障对象', filters: { scopeOrganId: organ.id }, sort: 'relevance', page: 1, pageSize: 10 });
      const hit = found.hits[0];
      const p = (await findPublication(deps.db, hit.id))!;
      expect(p).toMatchObject({ status: 'published', indexNumber: 'X4/2019-00012', publishedOn: '2019-05-08', formedOn: '2019-05-06', publishRoute: 'system_import', stage: 'result' });
      expect(p.nodeIds).toHaveLength(2);
      const [a] = await listAttachments(deps.db, p.id);
      expect(fs.readFileSync(attachmentPath(deps.dataDir, a.storageKey))).toEqual(PDF);

      const draft = await importItems(deps, system, organ.code, csv([',待审核的导入稿件,2020-03-01,,执行,其他,通知,工作动态,,<p>正文。</p>']), { mode: 'draft', dryRun: false, attachments: null, from: 'items.csv' });
      expect(draft.ok).toBe(true);
    });

    it('an old site crawl becomes items whose old addresses redirect to the new pages', async () => {
      file('site/art_1.html', '<html><head><title>旧网站</title></head><body><nav>首页 | 信息公开</nav><h1>关于城区供水管网改造的公告</h1><div class="TRS_Editor"><p>因城区供水管网改造，</p><p>部分路段停水。</p></div><footer>主办单位</footer></body></html>');
      const list = new TextEncoder().encode(['原网址,页面文件,成文日期,发布日期,五公开,文件类型,目录', 'http://old.example.gov.cn/art/2018/6/1/art_1.html,art_1.html,2018-06-01,2018-06-01,服务,其他,工作动态'].join('\n'));
      const r = await importItems(deps, system, organ.code, readSiteCrawl(list, path.join(dir, 'site')), { mode: 'published', dryRun: false, attachments: null, from: 'crawl.csv' });
      expect(r).toMatchObject({ ok: true, items: 1, redirects: 1 });
      const to = await resolveRedirect(deps.db, '/art/2018/6/1/art_1.html');
      const id = Number(/\/organs\/[^/]+\/items\/(\d+)$/.exec(to ?? '')?.[1]);
      const p = (await findPublication(deps.db, id))!;
      expect(p.title).toBe('关于城区供水管网改造的公告');
      expect(p.bodyHtml).toBe('<p>因城区供水管网改造，</p><p>部分路段停水。</p>');
    });

    it('an old site\'s addresses with a query string imported as drafts: the portal says the item is being moved until it is published, then redirects', async () => {
      file('site/content_88.html', '<html><body><h1>关于公布保障性住房轮候名单的公告</h1><div class="zoom"><p>现将轮候名单予以公布。</p></div></body></html>');
      file('site/downfile_1.html', '<html><body><h1>棚户区改造项目征收补偿方案</h1><div class="zoom"><p>补偿方案全文。</p></div></body></html>');
      const list = new TextEncoder().encode([
        '原网址,页面文件,成文日期,五公开,文件类型,目录',
        'http://old.example.gov.cn/xxgk/content.jsp?id=88&catid=12,content_88.html,2018-06-01,结果,其他,工作动态',
        'https://old.example.gov.cn/module/download/downfile.jsp?filename=%e8%a1%a5%e5%81%bf.doc&classid=0,downfile_1.html,2018-07-01,决策,其他,工作动态',
      ].join('\n'));
      const r = await importItems(deps, system, organ.code, readSiteCrawl(list, path.join(dir, 'site')), { mode: 'draft', dryRun: false, attachments: null, from: 'crawl.csv' });
      expect(r).toMatchObject({ ok: true, items: 2, redirects: 2 });
      const to = (await resolveRedirect(deps.db, '/xxgk/content.jsp?catid=12&id=88'))!;
      expect(to).toMatch(new RegExp(`^/organs/${organ.code}/items/\\d+$`));
      expect(await resolveRedirect(deps.db, '/module/download/downfile.jsp?classid=0&filename=%E8%A1%A5%E5%81%BF.doc')).toMatch(/\/items\/\d+$/);
      // The address as the crawl list wrote it is kept beside its key, for a static copy's web server.
      const spelled = await deps.db.selectFrom('redirects').select('spellings').where('from_path', '=', '/xxgk/content.jsp?catid=12&id=88').executeTakeFirst();
      expect(spelled?.spellings).toBe('/xxgk/content.jsp?id=88&catid=12');
      const { app } = await buildTestApp(db);
      try {
        const before = await app.inject('/xxgk/content.jsp?id=88&catid=12');
        expect([before.statusCode, before.headers.location]).toEqual([404, undefined]);
        expect(before.body).toContain('该信息正在迁移整理，暂未发布');
        await publishImported(deps, system, Number(to.split('/').pop()));
        const after = await app.inject('/xxgk/content.jsp?id=88&catid=12');
        expect([after.statusCode, after.headers.location]).toEqual([301, to]);
      } finally {
        await app.close();
      }
    });

    for (const format of ['json', 'xlsx', 'csv'] as const) {
      it(`export → import (${format}) into an empty database gives the same portal: items, metadata, placements, attachments' bytes`, async () => {
        // A source organ with a catalog (an empty node too) and published items, one placed twice, with files.
        const source = await createOrgan(deps);
        const policy = await createNode(deps, source.id, { name: '政策文件', description: '本机关制定的政策文件' });
        const normative = await createNode(deps, source.id, { name: '规范性文件', parentId: policy, isStandardDirectory: true, standardArea: '保障性住房' });
        const news = await createNode(deps, source.id, { name: '工作动态' });
        await createNode(deps, source.id, { name: '空栏目' });
        const a = await createPublication(deps, system, source.id, {
          title: '青岚县公共租赁住房管理办法', documentNumber: '青建〔2021〕3号', formedOn: '2021-02-01', stage: 'decision', genre: '通知', subject: '城乡建设、环境保护',
          docType: 'normative_document', keywords: ['公租房', '保障'], summary: '规范公共租赁住房的申请、分配和退出。', source: '县住建局', consultPhone: '0564-5022001',
          bodyHtml: '<p>第一条 为规范公共租赁住房管理，制定本办法。</p><table><tbody><tr><td>面积</td><td>60㎡</td></tr></tbody></table>', nodeIds: [normative, news],
        });
        await addAttachment(deps, system, a.id, { fileName: '管理办法.pdf', bytes: PDF });
        await addAttachment(deps, system, a.id, { fileName: '附件1.txt', bytes: Buffer.from('申请表样式，第一行\n第二行') });
        await publishImported(deps, system, a.id, { backdatedPublishedOn: '2021-02-03' });
        const b = await createPublication(deps, system, source.id, { title: '住建局开展"安全生产月"活动, 现场检查', formedOn: '2022-06-01', stage: 'execution', docType: 'other', genre: '工作动态', bodyHtml: '<p>6月1日，"安全生产月"启动。</p>', nodeIds: [news] });
        await addAttachment(deps, system, b.id, { fileName: '附件1.txt', bytes: Buffer.from('另一份同名附件') });
        await publishImported(deps, system, b.id, { backdatedPublishedOn: '2022-06-02' });
        // A repealed item replaced by a (later, so further down the file) one; an interpretation of a
        // policy; an item fulfilling a 事项 of a standard-directory template's node.
        const old = await createPublication(deps, system, source.id, {
          title: '青岚县公共租赁住房管理暂行办法', formedOn: '2015-03-01', stage: 'decision', docType: 'normative_document', genre: '通知', validity: 'repealed', replacedById: a.id,
          bodyHtml: '<p>暂行办法全文。</p>', nodeIds: [normative],
        });
        await publishImported(deps, system, old.id, { backdatedPublishedOn: '2015-03-05' });
        const interpretation = await createPublication(deps, system, source.id, {
          title: '《青岚县公共租赁住房管理办法》政策解读', formedOn: '2021-02-04', stage: 'decision', docType: 'other', genre: '解读', itemKind: 'interpretation', interpretationForm: 'text',
          policyIds: [a.id], bodyHtml: '<p>一、制定背景……</p>', nodeIds: [policy],
        });
        await publishImported(deps, system, interpretation.id, { backdatedPublishedOn: '2021-02-05' });
        const area = await importStandardDirectory(deps, system, source.id, findDirectoryTemplate('zhujian-baozhangxing-zhufang'), null);
        const matter = (await listDirectoryMatters(deps.db, source.id)).find((m) => m.key === 'bzxzf-pzjg')!;
        expect(area.mattersCreated).toBeGreaterThan(1);
        const result = await createPublication(deps, system, source.id, {
          title: '2022年公共租赁住房配租结果公示', formedOn: '2022-09-01', stage: 'result', docType: 'other', genre: '公示', matterId: matter.id, bodyHtml: '<p>配租结果如下。</p>', nodeIds: [matter.nodeId, news],
        });
        await publishImported(deps, system, result.id, { backdatedPublishedOn: '2022-09-02' });
        // Addresses: each item's page here, and old-site addresses (with a query string) that lead to two of them.
        const pageOf = (id: number) => `/organs/${source.code}/items/${id}`;
        await recordRedirect(deps.db, { fromPath: `/xxgk/content.jsp?id=88&catid=${source.id}`, toPath: pageOf(a.id), reason: '旧网站地址', itemId: a.id });
        await recordRedirect(deps.db, { fromPath: `/art/2022/6/2/art_${source.id}_7.html`, toPath: pageOf(b.id), reason: '旧网站地址', itemId: b.id });
        // A node's old-site address (a column page of the old site) leads to 工作动态.
        await recordRedirect(deps.db, { fromPath: `/xxgk/list.jsp?cat=${source.id}`, toPath: `/organs/${source.code}/catalog/${news}`, reason: '旧网站地址' });
        const addresses = new Map<string, string>([
          ...[a, b, old, interpretation, result].map((p) => [pageOf(p.id), p.title] as [string, string]),
          [`/xxgk/content.jsp?catid=${source.id}&id=88`, a.title], [`/art/2022/6/2/art_${source.id}_7.html`, b.title],
        ]);
        const expected = await portalOf(deps, source);
        expect(expected.items.find((i) => i.title === old.title)).toMatchObject({ validity: 'repealed', replacement: { title: a.title } });
        expect(expected.items.find((i) => i.title === a.title)!.links.interpretations).toEqual(['2021-02-05 《青岚县公共租赁住房管理办法》政策解读']);
        expect(expected.items.find((i) => i.title === result.title)!.matter).toMatchObject({ name: '配租结果', timeLimit: '配租结束之日起20个工作日内' });

        const doc = await collectExport(deps, source.code);
        const out = renderExport(doc, format);
        const target = path.join(dir, `export-${dialect}-${format}`);
        fs.mkdirSync(target, { recursive: true });
        const attachments = await writeAttachments(deps, doc, format === 'xlsx' ? path.join(target, 'files.zip') : path.join(target, 'files'));
        expect(attachments).toBe(3);

        const empty = await createTestDatabase(dialect);
        try {
          const emptyDeps = buildDeps(empty);
          // Another organ's items in the new database take the numbers up to a's, which must then move.
          const other = await createOrgan(emptyDeps);
          const otherNode = await createNode(emptyDeps, other.id, { name: '其他' });
          while ((await createDraft(emptyDeps, other.id, [otherNode])).id < a.id);
          // … and its nodes the numbers up to 政策文件's, which must then move too.
          for (let n = otherNode; n < policy; ) n = await createNode(emptyDeps, other.id, { name: `其他${n}` });
          const copy = await createOrgan(emptyDeps, { code: source.code, name: source.name });
          if (format === 'csv') {
            // CSV carries the items only: the catalog comes first (from the JSON export's catalog list).
            await importItems(emptyDeps, system, copy.code, readItemFile('c.json', Buffer.from(JSON.stringify({ catalog: doc.catalog, items: [] }))), { mode: 'published', dryRun: false, attachments: null, from: 'c.json' });
          }
          const files = format === 'xlsx' ? zipSource(fs.readFileSync(path.join(target, 'files.zip'))) : directorySource(path.join(target, 'files'));
          const r = await importItems(emptyDeps, system, copy.code, readItemFile(out.fileName, out.bytes), { mode: 'published', dryRun: false, attachments: files, from: out.fileName });
          expect(r.problems).toEqual([]);
          expect(r.items).toBe(5);
          // The old site's spelling of an old address went with the export and is kept again.
          const spelled = await emptyDeps.db.selectFrom('redirects').select('spellings').where('from_path', '=', `/xxgk/content.jsp?catid=${source.id}&id=88`).executeTakeFirst();
          expect(spelled?.spellings).toBe(`/xxgk/content.jsp?id=88&catid=${source.id}`);
          const got = await portalOf(emptyDeps, (await findOrganByCode(emptyDeps.db, copy.code))!);
          // Each link by itself first (soft: every lost one is reported), so that a failure names what was lost.
          const item = (portal: typeof got, title: string) => portal.items.find((i) => i.title === title)!;
          expect.soft(item(got, old.title).replacement, '废止信息的替代文件').toEqual(item(expected, old.title).replacement);
          expect.soft(item(got, interpretation.title), '政策解读及其政策').toMatchObject({ itemKind: 'interpretation', interpretationForm: 'text', links: item(expected, interpretation.title).links });
          expect.soft(item(got, a.title).links, '政策的解读').toEqual(item(expected, a.title).links);
          expect.soft(item(got, result.title).matter, '标准目录事项').toEqual(item(expected, result.title).matter);
          expect(got).toEqual(expected);
          expect((await listCatalogNodes(emptyDeps.db, copy.id)).find((n) => n.name === '规范性文件')).toMatchObject({ isStandardDirectory: true, standardArea: '保障性住房' });
          // Every address of the first server still works: a free item number is kept (200); a taken
          // one (a's) and the old site's addresses answer 301 to the item's new page.
          const { app } = await buildTestApp(empty);
          try {
            const newPage = async (title: string) =>
              `/organs/${copy.code}/items/${(await emptyDeps.db.selectFrom('publications').select('id').where('organ_id', '=', copy.id).where('title', '=', title).executeTakeFirstOrThrow()).id}`;
            const answers: string[] = [];
            for (const [address, title] of addresses) {
              const res = await app.inject(address);
              const target = await newPage(title);
              expect.soft([address, res.statusCode, res.headers.location ?? address]).toEqual([address, res.statusCode === 200 ? 200 : 301, target]);
              answers.push(`${res.statusCode}`);
            }
            expect((await app.inject(pageOf(a.id))).statusCode).toBe(301);
            expect(answers.filter((s) => s === '301')).toHaveLength(3);
            expect((await app.inject(await newPage(a.title))).statusCode).toBe(200);
            // Every node address of the first server shows the same column, or answers 301 to it: its
            // page and its feeds. A free number is kept; 政策文件's, taken, moved.
            const pathsOf = async (d: AppDeps, organId: number) => {
              const list = await listCatalogNodes(d.db, organId);
              const byId = new Map(list.map((n) => [n.id, n]));
              const pathOf = (id: number): string => (byId.get(id)!.parentId === null ? byId.get(id)!.name : `${pathOf(byId.get(id)!.parentId!)}/${byId.get(id)!.name}`);
              return new Map(list.map((n) => [n.id, pathOf(n.id)]));
            };
            const before = await pathsOf(deps, source.id);
            const after = new Map([...(await pathsOf(emptyDeps, copy.id))].map(([id, p]) => [p, id]));
            const nodeAnswers: string[] = [];
            for (const [id, nodePath] of before) {
              const now = after.get(nodePath)!;
              for (const suffix of ['', '/feed.atom', '/feed.rss']) {
                const address = `/organs/${copy.code}/catalog/${id}${suffix}`;
                const res = await app.inject(address);
                expect.soft([address, nodePath, res.statusCode, res.headers.location ?? address]).toEqual([address, nodePath, id === now ? 200 : 301, `/organs/${copy.code}/catalog/${now}${suffix}`]);
                if (suffix === '') nodeAnswers.push(`${res.statusCode}`);
              }
            }
            expect(nodeAnswers.filter((s) => s === '301')).toEqual(['301']);
            expect(after.get('政策文件')).not.toBe(policy);
            const list = await app.inject(`/xxgk/list.jsp?cat=${source.id}`);
            expect([list.statusCode, list.headers.location]).toEqual([301, `/organs/${copy.code}/catalog/${after.get('工作动态')}`]);
            // The node counter went past the kept numbers: a new node still gets one.
            expect(await createNode(emptyDeps, copy.id, { name: '新栏目' })).toBeGreaterThan(Math.max(...before.keys()));
            // The number counter went past the kept numbers: new items still get one.
            expect((await createDraft(emptyDeps, other.id, [otherNode])).id).toBeGreaterThan(Math.max(...[...addresses.keys()].map((k) => Number(/items\/(\d+)$/.exec(k)?.[1] ?? 0))));
          } finally {
            await app.close();
          }
        } finally {
          await empty.drop();
        }
      });
    }
  });
}
