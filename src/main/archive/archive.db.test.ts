import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished, createReviewCast, system } from '../../../test/support/factories.ts';
import { makeTempDir } from '../../../test/support/temp-dirs.ts';
import { addAttachment } from '../../modules/catalog/index.ts';
import { fillReviewForm, performReviewVerb } from '../../modules/review/index.ts';
import { registerApplication } from '../../modules/applications/index.ts';
import { registerProposal, submitLetter } from '../../modules/interaction/index.ts';
import { importItems, readItemFile } from '../../modules/transfer/index.ts';
import { writeArchive } from './write-archive.ts';

const filesOf = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();

/** The layout block of docs/archive-format.md: one documented path pattern a line, `{名称}` for a variable part. */
function documentedLayout(): RegExp[] {
  const doc = fs.readFileSync(path.resolve('docs/archive-format.md'), 'utf8');
  const block = /```text\n([\s\S]*?)```/.exec(doc)![1]!;
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean)
    .map((p) => new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`));
}

describeEachDialect('archive: an organ-year in an open folder with checksums', (db) => {
  let deps: ReturnType<typeof buildDeps>;
  let organ: { id: number; code: string; name: string };
  let dir: string;

  beforeAll(async () => {
    deps = buildDeps(db(), '2027-01-20T02:00:00Z');
    organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '通知公告' });
    const cast = await createReviewCast(deps, organ.code);
    // An item that went through the 三级审核 in 2026, with an attachment.
    const draft = await createDraft(deps, organ.id, [node], { title: '关于2026年保障性租赁住房申请的公告' });
    await addAttachment(deps, system, draft.id, { fileName: '申请表.txt', bytes: Buffer.from('申请人姓名：\n联系电话：\n') });
    deps.clock.set('2026-06-10T02:00:00Z');
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    for (const reviewer of [cast.unitHead, cast.office, cast.leader]) await performReviewVerb(deps, reviewer.actor, draft.id, 'approve', { comment: '同意' });
    await performReviewVerb(deps, cast.office.actor, draft.id, 'publish');
    await registerApplication(deps, system, organ.id, {
      channel: 'in_person', arrivedOn: '2026-06-10', applicantType: 'natural_person', applicantName: '王某', applicantIdKind: 'resident_id', applicantIdNumber: '11010519491231002X',
      contactPhone: '13800000000', contactEmail: 'wang@example.cn', contactAddress: '青岚县城关镇人民路1号', postalCode: '237000',
      subject: '2025年城区老旧小区改造项目清单', documentNumber: '', provisionForm: 'electronic', deliveryMethod: 'email',
    });
    await submitLetter(deps, organ.code, { type: 'consult', subject: '公租房轮候', content: '请问轮候多久？', writerName: '李某', contact: '13912345678', publishConsent: 'no' });
    // An old site's item imported as published history, with its old address (2025-00492 in the tester's archive).
    const crawl = ['索引号,标题,成文日期,发布日期,五公开,文件类型,目录,正文,原网址', 'OLD/2026-00492,关于2026年春季植树活动的通知,2026-03-01,2026-03-02,执行,其他,通知公告,<p>植树活动安排。</p>,http://old.example.gov.cn/xxgk/content.jsp?id=88&cat=3'];
    const imported = await importItems(deps, system, organ.code, readItemFile('旧网站信息.csv', new TextEncoder().encode(crawl.join('\n'))), { mode: 'published', dryRun: false, attachments: null, from: '旧网站信息.csv' });
    expect(imported.problems).toEqual([]);
    await registerProposal(deps, system, organ.id, { kind: 'suggestion', number: '0123', title: '关于加快老旧小区改造的建议', submitters: '王某', session: '县十八届人大五次会议', receivedOn: '2026-03-10', role: 'lead', year: '2026' });
    deps.clock.set('2027-01-20T02:00:00Z');
    // Published in 2027: not part of 2026's archive.
    await createPublished(deps, organ.id, [node], { title: '2027年第一季度工作安排' });
    dir = path.join(makeTempDir('archive'), '2026');
  });
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('writes the year\'s records and a manifest whose SHA-256 and sizes match every file', async () => {
    const r = await writeArchive(deps, { dir, organCode: organ.code, year: 2026 });
    expect(r).toMatchObject({ items: 2, applications: 1, mailboxLetters: 1, proposals: 1 });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'gongkai-archive/2', year: 2026, organ: { code: organ.code } });
    const onDisk = filesOf(dir);
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(onDisk.filter((f) => f !== 'manifest.json'));
    for (const f of manifest.files as { path: string; sha256: string; size: number }[]) {
      const bytes = fs.readFileSync(path.join(dir, f.path));
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
      expect(bytes.length, f.path).toBe(f.size);
    }
    const signOffs = onDisk.find((f) => f.endsWith('/sign-offs.json') && !f.includes('00492'))!;
    const decisions = JSON.parse(fs.readFileSync(path.join(dir, signOffs), 'utf8')).signOffs as { verb: string; comment: string }[];
    expect(decisions.filter((d) => d.verb === 'approve')).toHaveLength(3);
    expect(onDisk.some((f) => /^items\/[^/]+\/attachments\/申请表\.txt$/.test(f))).toBe(true);
    expect(onDisk.some((f) => /^applications\/[^/]+\/letters\/[^/]+\.pdf$/.test(f))).toBe(true);
    expect(fs.readFileSync(path.join(dir, onDisk.find((f) => f.startsWith('items/') && f.endsWith('review-form.pdf'))!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.stringify(manifest)).not.toContain('2027年第一季度工作安排');
    const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(index).toContain('关于2026年保障性租赁住房申请的公告');
    expect(index).toContain('不得公开');
  });

  it('names things in its JSON as they are known outside this database, in one key style', () => {
    const files = filesOf(dir);
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    // Every key of every record: camelCase, and no database number (id, …Id, …Ids) anywhere.
    const keys = (v: unknown, at: string, out: [string, string][]) => {
      if (Array.isArray(v)) v.forEach((x) => keys(x, at, out));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push([at, k]); keys(x, `${at}${k}.`, out); }
      return out;
    };
    const records = files.filter((f) => f.endsWith('.json') && !f.startsWith('annual-report/'));
    expect(records).toHaveLength(8);
    const bad = records.flatMap((f) => keys(read(f), `${f}: `, []).filter(([, k]) => /^id$|Ids?$|_/.test(k)).map(([at, k]) => `${at}${k}`));
    expect(bad).toEqual([]);
    // The annual report is the portal's own JSON: its field names are camelCase too (row codes are values, not fields).
    expect(Object.keys(read(files.find((f) => f.endsWith('.json') && f.startsWith('annual-report/'))!)).filter((k) => !/^[a-z][a-zA-Z]*$/.test(k))).toEqual([]);

    const metaFile = files.find((f) => f.endsWith('/metadata.json') && !f.includes('00492'))!;
    const meta = read(metaFile);
    expect(meta).toMatchObject({ indexNumber: expect.stringMatching(/\/2026-00001$/), catalogPaths: ['通知公告'], publishedBy: expect.stringMatching(/（.+）$/) });
    expect(meta).not.toHaveProperty('nodeIds');
    // An attachment by its file in the archive, with the checksum the manifest gives that file.
    const manifest = read('manifest.json') as { files: { path: string; sha256: string }[] };
    const [attachment] = meta.attachments as { path: string; sha256: string }[];
    expect(manifest.files.find((f) => f.path === attachment!.path)?.sha256).toBe(attachment!.sha256);

    const signOffs = read(files.find((f) => f.endsWith('/sign-offs.json') && !f.includes('00492'))!);
    expect(signOffs.item).toEqual({ indexNumber: meta.indexNumber, title: meta.title, metadata: metaFile });
    expect(signOffs.reviewForm).toMatchObject({ secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密和个人信息' });
    const approvals = (signOffs.signOffs as { verb: string; stageNumber: number; roleName: string; person: string }[]).filter((d) => d.verb === 'approve');
    expect(approvals.map((d) => [d.stageNumber, d.roleName])).toEqual([[1, '股室（单位）负责人'], [2, '政务公开办公室'], [3, '分管领导']]);
    expect(approvals.every((d) => /^.+（.+）$/.test(d.person))).toBe(true);

    const kase = read(files.find((f) => f.endsWith('/case.json'))!);
    expect(kase.application).toMatchObject({ applicantName: '王某', handler: null, createdBy: null });
    for (const l of kase.letters as { files: { pdf: string; docx: string } }[]) expect(files).toEqual(expect.arrayContaining([l.files.pdf, l.files.docx]));
    expect(read(files.find((f) => f.endsWith('/letter.json'))!).letter).toMatchObject({ writerName: '李某', unit: null });
  });

  it('says where an imported item came from: its import record and 原网址 in metadata.json, the import as its first step', () => {
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const meta = read('items/OLD-2026-00492/metadata.json');
    expect(meta).toMatchObject({ indexNumber: 'OLD/2026-00492', publishRoute: 'system_import', createdBy: null });
    expect(meta.imported).toEqual({
      at: expect.stringMatching(/^2026-06-10T/), by: expect.any(String), file: '旧网站信息.csv', mode: 'published', modeLabel: '作为已发布的历史信息',
      oldUrls: ['http://old.example.gov.cn/xxgk/content.jsp?id=88&cat=3'],
    });
    expect(read('items/OLD-2026-00492/sign-offs.json').signOffs).toEqual([expect.objectContaining({
      verb: 'import', verbName: '导入', person: meta.imported.by, comment: '从文件“旧网站信息.csv”导入，作为已发布的历史信息', decidedAt: meta.imported.at,
    })]);
    // An item made here has no import record.
    expect(read(filesOf(dir).find((f) => f.endsWith('/metadata.json') && !f.includes('00492'))!).imported).toBeNull();
  });

  it('explains itself: FORMAT.md with the format and every code\'s Chinese label, in the manifest, and an index that points nowhere outside', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain('FORMAT.md');
    const guide = fs.readFileSync(path.join(dir, 'FORMAT.md'), 'utf8');
    expect(guide).toContain(fs.readFileSync(path.resolve('docs/archive-format.md'), 'utf8'));
    for (const [code, label] of [['result', '结果公开'], ['proactive', '主动公开'], ['non_secret', '非密'], ['force_published', '紧急发布'], ['import', '导入']]) {
      expect(guide).toMatch(new RegExp(`\\| \`${code}\` \\| ${label}`));
    }
    const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(index).not.toContain('docs/');
    const links = [...index.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links).toContain('FORMAT.md');
    expect(links.filter((l) => !fs.existsSync(path.join(dir, l)))).toEqual([]);
  });

  it('produces exactly the layout docs/archive-format.md documents', () => {
    const patterns = documentedLayout();
    const files = filesOf(dir);
    expect(files.filter((f) => !patterns.some((p) => p.test(f)))).toEqual([]);
    // Every documented kind of file is there for a year that has one of each record.
    expect(patterns.filter((p) => !files.some((f) => p.test(f))).map(String)).toEqual([]);
  });

  it('refuses a folder that is not empty and an unknown organ, in Chinese, writing nothing', async () => {
    await expect(writeArchive(deps, { dir, organCode: organ.code, year: 2026 })).rejects.toMatchObject({ code: 'ERR_ARCHIVE_DIR_NOT_EMPTY', message: expect.stringContaining('不为空') });
    const fresh = path.join(path.dirname(dir), 'none');
    await expect(writeArchive(deps, { dir: fresh, organCode: 'no-such-organ', year: 2026 })).rejects.toMatchObject({ code: 'ERR_ARCHIVE_ORGAN_NOT_FOUND', message: expect.stringContaining('不存在') });
    expect(fs.existsSync(fresh)).toBe(false);
  });
});
