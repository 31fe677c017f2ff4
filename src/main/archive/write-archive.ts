import fs from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../../platform/app-deps.ts';
import { renderDocumentDocx, renderDocumentPdf } from '../../platform/documents/index.ts';
import { DomainError } from '../../shared/domain-error.ts';
import {
  attachmentPath, findCatalogNode, findPublication, importRecordOf, listAttachments, listCatalogNodes, listDirectoryMatters, listOrgans, matterCode, organByCode, publishedIdsInYear,
  type CatalogNode, type Organ, type Publication,
} from '../../modules/catalog/index.ts';
import { decisionsFor, loadForm, REVIEW_ROLE_LABELS, reviewFormModel, VERB_LABELS } from '../../modules/review/index.ts';
import { caseDetails, listWork } from '../../modules/applications/index.ts';
import { letterDetails, listLetters, listProposals, proposalDetails } from '../../modules/interaction/index.ts';
import { annualReportFile } from '../../modules/reports/index.ts';
import { listUsers, systemActor } from '../../modules/identity/index.ts';
import { sha256 } from '../static-site/export-manifest.ts';
import { ARCHIVE_PATHS as P, safeName, uniqueNames } from './archive-paths.ts';
import { archiveIndexPage, type IndexSection } from './archive-index-page.ts';
import { formatDescription, formatGuide } from './archive-codes.ts';
import { itemRecord, plainRecord, signOffsRecord, type ArchiveNames, type ArchivedAttachment, type ItemRef } from './archive-records.ts';

export const ARCHIVE_FORMAT = 'gongkai-archive/2';

export type ArchiveOptions = { dir: string; organCode: string; year: number; progress?: (line: string) => void };
export type ArchiveFile = { path: string; sha256: string; size: number };
export type ArchiveResult = { files: number; items: number; applications: number; mailboxLetters: number; proposals: number; annualReport: string };

const PAGE = 200;
const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n');

/**
 * An organ-year's records as an open folder for the organ's archives (归档): items published in the
 * year with their metadata, text, attachments, 保密审查表 and sign-offs; applications received in the
 * year with their letters; mailbox letters and 建议提案 of the year; the year's annual report. Every
 * file is listed in manifest.json with its SHA-256 (docs/archive-format.md, ADR 0015).
 */
export async function writeArchive(deps: AppDeps, opts: ArchiveOptions): Promise<ArchiveResult> {
  const dir = path.resolve(opts.dir);
  if (!Number.isInteger(opts.year) || opts.year < 1990 || opts.year > 2200) throw new DomainError('ERR_CLI_USAGE', `年度“${opts.year}”不是四位年份`);
  if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new DomainError('ERR_ARCHIVE_DIR_NOT_EMPTY', `目录 ${dir} 不为空：归档只写入空目录，以免与其他文件混在一起。请指定一个新的或空的目录`);
  }
  const organ = await organByCode(deps.db, opts.organCode).catch((e: unknown) => {
    if (e instanceof DomainError && e.httpStatus === 404) throw new DomainError('ERR_ARCHIVE_ORGAN_NOT_FOUND', `机关代码“${opts.organCode}”不存在，请核对（可在后台“机关管理”查看各机关代码）`);
    throw e;
  });
  const files: ArchiveFile[] = [];
  const put = (rel: string, data: Buffer) => {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data, { flag: 'wx' });
    files.push({ path: rel, sha256: sha256(data), size: data.length });
  };
  fs.mkdirSync(dir, { recursive: true });
  const actor = systemActor('年度归档');
  const say = (s: string) => opts.progress?.(s);

  const names = await archiveNames(deps);
  const items = await archiveItems(deps, organ, opts.year, put, say, names);
  const applications = await archiveApplications(deps, organ, opts.year, actor, put, names);
  const mailbox = await archiveMailbox(deps, organ, opts.year, actor, put, names);
  const proposals = await archiveProposals(deps, organ, opts.year, actor, put, names);
  const report = await annualReportFile(deps, organ.code, opts.year, 'pdf');
  put(P.annualReport(opts.year, 'pdf'), report.body);
  for (const ext of ['docx', 'html', 'json'] as const) put(P.annualReport(opts.year, ext), (await annualReportFile(deps, organ.code, opts.year, ext)).body);
  say(`归档：年度报告（${report.state}）`);

  const createdAt = deps.clock.now().toISOString();
  const sections: IndexSection[] = [items.section, applications.section, mailbox.section, proposals.section, {
    title: '政府信息公开工作年度报告', note: report.published ? `已公布（${report.state}）` : `尚未公布：${report.state}`,
    rows: [{ cells: [`${organ.name}${opts.year}年政府信息公开工作年度报告`], links: (['pdf', 'docx', 'html', 'json'] as const).map((ext) => ({ label: ext.toUpperCase(), href: P.annualReport(opts.year, ext) })) }],
  }];
  put(P.format, Buffer.from(formatGuide(formatDescription())));
  put(P.index, Buffer.from(archiveIndexPage({ organName: organ.name, organCode: organ.code, year: opts.year, createdAt, sections })));
  const manifest = {
    format: ARCHIVE_FORMAT,
    organ: { code: organ.code, name: organ.name, creditCode: organ.creditCode },
    year: opts.year,
    createdAt,
    counts: { items: items.count, applications: applications.count, mailboxLetters: mailbox.count, proposals: proposals.count },
    annualReport: { published: report.published, state: report.state },
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  fs.writeFileSync(path.join(dir, P.manifest), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx' });
  return { files: files.length + 1, items: items.count, applications: applications.count, mailboxLetters: mailbox.count, proposals: proposals.count, annualReport: report.state };
}

type Put = (rel: string, data: Buffer) => void;

/** People by the name and user name they have (the form every recorded label takes), organs and units by code and name. */
async function archiveNames(deps: AppDeps): Promise<ArchiveNames> {
  const people = new Map((await listUsers(deps.db)).map((u) => [u.id, `${u.display_name}（${u.username}）`]));
  const organs = new Map((await listOrgans(deps.db)).map((o) => [o.id, { code: o.code, name: o.name }]));
  return { person: (id) => (id === null ? null : people.get(id) ?? null), organ: (id) => (id === null ? null : organs.get(id) ?? null) };
}

async function archiveItems(deps: AppDeps, organ: Organ, year: number, put: Put, say: (s: string) => void, names: ArchiveNames) {
  const folderFor = uniqueNames();
  // First every item's folder, so that one item can name another of the archive by its file.
  // Only what naming needs is kept; each item is read again when written (a year may hold thousands).
  type Known = Pick<Publication, 'id' | 'indexNumber' | 'title' | 'policyIds' | 'replacedById' | 'nodeIds'>;
  const items: { p: Known; folder: string }[] = [];
  for (const id of await publishedIdsInYear(deps.db, organ.id, year)) {
    const p = await findPublication(deps.db, id);
    if (!p || !p.publishedOn?.startsWith(`${year}-`)) continue;
    const { indexNumber, title, policyIds, replacedById, nodeIds } = p;
    items.push({ p: { id, indexNumber, title, policyIds, replacedById, nodeIds }, folder: folderFor(safeName((p.indexNumber ?? `无索引号-${p.title}`).replace(/\//g, '-'), '无索引号')) });
  }
  const refs = new Map<number, ItemRef | null>(items.map(({ p, folder }) => [p.id, { indexNumber: p.indexNumber, title: p.title, metadata: P.itemMetadata(folder) }]));
  const others = new Map<number, ItemRef | null>();
  for (const { p } of items) {
    for (const id of [...p.policyIds, ...(p.replacedById ? [p.replacedById] : [])]) {
      if (refs.has(id) || others.has(id)) continue;
      const other = await findPublication(deps.db, id);
      others.set(id, other && { indexNumber: other.indexNumber, title: other.title, metadata: null });
    }
  }
  const catalogPath = await catalogPaths(deps, organ, items.flatMap(({ p }) => p.nodeIds));
  const matters = new Map((await listDirectoryMatters(deps.db, organ.id)).map((m) => [m.id, { name: m.name, code: matterCode(m) }]));
  const itemNames = {
    ...names,
    item: (id: number) => refs.get(id) ?? others.get(id) ?? null,
    matter: (id: number) => matters.get(id) ?? null,
  };
  const rows: IndexSection['rows'] = [];
  let done = 0;
  for (const { p: known, folder } of items) {
    const p = (await findPublication(deps.db, known.id))!;
    const links = [{ label: '元数据', href: P.itemMetadata(folder) }, { label: '正文', href: P.itemBody(folder) }];
    const attachmentName = uniqueNames();
    const archived: ArchivedAttachment[] = [];
    for (const a of await listAttachments(deps.db, p.id)) {
      const file = attachmentPath(deps.dataDir, a.storageKey);
      const bytes = fs.readFileSync(file);
      // The stored hash is checked: the archive never receives a file that changed on disk unnoticed.
      if (a.sha256 && sha256(bytes) !== a.sha256) throw new DomainError('ERR_ARCHIVE_ATTACHMENT_CHANGED', `附件“${a.fileName}”（信息 ${p.indexNumber ?? p.title}）的内容与上传时的校验值不符，归档已中止，请先从备份恢复该文件`);
      const rel = P.itemAttachment(folder, attachmentName(safeName(a.fileName, `attachment-${a.id}`)));
      put(rel, bytes);
      archived.push({ id: a.id, path: rel, fileName: a.fileName, mimeType: a.mimeType, sizeBytes: a.sizeBytes, sha256: sha256(bytes), uploadedAt: a.createdAt });
      links.push({ label: `附件：${a.fileName}`, href: rel });
    }
    const imported = await importRecordOf(deps.db, p.id);
    put(P.itemMetadata(folder), json(itemRecord(p, archived, { ...itemNames, catalogPath }, imported)));
    put(P.itemBody(folder), Buffer.from(`<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title></head><body>\n<h1>${escapeHtml(p.title)}</h1>\n${p.bodyHtml}\n</body></html>\n`));
    const form = await loadForm(deps.db, p.id);
    const model = await reviewFormModel(deps, p.id);
    if (model) {
      put(P.itemReviewForm(folder, 'pdf'), await renderDocumentPdf(model));
      put(P.itemReviewForm(folder, 'docx'), await renderDocumentDocx(model));
      links.push({ label: '保密审查表 PDF', href: P.itemReviewForm(folder, 'pdf') }, { label: 'Word', href: P.itemReviewForm(folder, 'docx') });
    }
    const decisions = await decisionsFor(deps.db, p.id);
    const labels = { verb: (v: string) => (VERB_LABELS as Record<string, string>)[v] ?? v, role: (r: string) => (REVIEW_ROLE_LABELS as Record<string, string>)[r] ?? r };
    put(P.itemSignOffs(folder), json(signOffsRecord(refs.get(p.id)!, form, decisions, labels, imported)));
    links.push({ label: '签批记录', href: P.itemSignOffs(folder) });
    rows.push({ cells: [p.indexNumber ?? '', p.title, p.publishedOn ?? ''], links });
    if (++done % 100 === 0) say(`归档：已写入 ${done} 条公开信息`);
  }
  return { count: rows.length, section: { title: `${year}年发布的主动公开信息`, head: ['索引号', '标题', '发布日期'], rows } satisfies IndexSection };
}

/**
 * A catalog node by its path of names from the root, `保障性住房/公共租赁住房` (as the content export
 * writes it); a node of another organ's catalog begins with that organ's name and a full-width colon.
 */
async function catalogPaths(deps: AppDeps, organ: Organ, nodeIds: number[]): Promise<(nodeId: number) => string | null> {
  const nodes = new Map<number, CatalogNode>((await listCatalogNodes(deps.db, organ.id)).map((n) => [n.id, n]));
  for (const id of nodeIds) {
    if (nodes.has(id)) continue;
    const n = await findCatalogNode(deps.db, id);
    if (n) for (const m of await listCatalogNodes(deps.db, n.organId)) nodes.set(m.id, m);
  }
  const organNames = new Map((await listOrgans(deps.db)).map((o) => [o.id, o.name]));
  const pathOf = (n: CatalogNode): string => {
    const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
    return parent ? `${pathOf(parent)}/${n.name}` : n.organId === organ.id ? n.name : `${organNames.get(n.organId) ?? ''}：${n.name}`;
  };
  return (id) => {
    const n = nodes.get(id);
    return n ? pathOf(n) : null;
  };
}

async function archiveApplications(deps: AppDeps, organ: Organ, year: number, actor: ReturnType<typeof systemActor>, put: Put, names: ArchiveNames) {
  const rows: IndexSection['rows'] = [];
  const folderFor = uniqueNames();
  for (let page = 1; ; page++) {
    const { items } = await listWork(deps, [organ.id], 'all', { page, pageSize: PAGE });
    for (const a of items.filter((x) => x.organId === organ.id && (x.receivedOn ?? x.arrivedOn).startsWith(`${year}-`))) {
      const d = await caseDetails(deps, actor, a.id);
      const folder = folderFor(safeName(a.trackingNo, `application-${a.id}`));
      const links = [{ label: '案卷记录', href: P.applicationCase(folder) }];
      const letterName = uniqueNames();
      const letters: unknown[] = [];
      for (const [i, { document, ...l }] of d.letters.entries()) {
        const name = letterName(safeName(`${String(i + 1).padStart(2, '0')}-${l.title}`, `letter-${i + 1}`));
        const files = { pdf: P.applicationLetter(folder, name, 'pdf'), docx: P.applicationLetter(folder, name, 'docx') };
        put(files.pdf, await renderDocumentPdf(document));
        put(files.docx, await renderDocumentDocx(document));
        letters.push({ ...(plainRecord(l, names, 'letters.') as object), files });
        links.push({ label: `${l.title}${l.letterNo ? `（${l.letterNo}）` : ''}`, href: files.pdf });
      }
      put(P.applicationCase(folder), json({
        application: plainRecord(d.application, names, 'application.'), pauses: plainRecord(d.pauses, names, 'pauses.'), events: plainRecord(d.events, names, 'events.'),
        appeals: plainRecord(d.appeals, names, 'appeals.'), letters,
      }));
      rows.push({ cells: [a.trackingNo, a.receivedOn ?? a.arrivedOn, a.state], links });
    }
    if (items.length < PAGE) break;
  }
  return { count: rows.length, section: { title: `${year}年收到的政府信息公开申请`, head: ['编号', '收到日期', '状态'], rows } satisfies IndexSection };
}

async function archiveMailbox(deps: AppDeps, organ: Organ, year: number, actor: ReturnType<typeof systemActor>, put: Put, names: ArchiveNames) {
  const rows: IndexSection['rows'] = [];
  const folderFor = uniqueNames();
  for (let page = 1; ; page++) {
    const { items } = await listLetters(deps, [organ.id], 'all', page, PAGE);
    for (const l of items.filter((x) => x.receivedOn.startsWith(`${year}-`))) {
      const d = await letterDetails(deps, actor, l.id);
      const folder = folderFor(safeName(l.trackingNo, `letter-${l.id}`));
      put(P.mailboxLetter(folder), json({ letter: plainRecord(d.letter, names, 'letter.'), events: plainRecord(d.events, names, 'events.') }));
      rows.push({ cells: [l.trackingNo, l.receivedOn, l.subject], links: [{ label: '来信与答复', href: P.mailboxLetter(folder) }] });
    }
    if (items.length < PAGE) break;
  }
  return { count: rows.length, section: { title: `${year}年部门信箱来信`, head: ['编号', '收到日期', '主题'], rows } satisfies IndexSection };
}

async function archiveProposals(deps: AppDeps, organ: Organ, year: number, actor: ReturnType<typeof systemActor>, put: Put, names: ArchiveNames) {
  const rows: IndexSection['rows'] = [];
  const folderFor = uniqueNames();
  for (let page = 1; ; page++) {
    const { items } = await listProposals(deps, actor, organ.id, { view: 'all', year }, page, PAGE);
    for (const p of items) {
      const d = await proposalDetails(deps, actor, p.id);
      const folder = folderFor(safeName(`${p.kind}-${p.number}`, `proposal-${p.id}`));
      put(P.proposal(folder), json({ proposal: plainRecord(d.proposal, names, 'proposal.'), events: plainRecord(d.events, names, 'events.') }));
      rows.push({ cells: [p.number, p.receivedOn, p.title], links: [{ label: '办理记录', href: P.proposal(folder) }] });
    }
    if (items.length < PAGE) break;
  }
  return { count: rows.length, section: { title: `${year}年建议提案`, head: ['编号', '收到日期', '标题'], rows } satisfies IndexSection };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
