import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { documentNumberKey } from '../../../shared/document-number.ts';
import {
  amendingRefusal, counterpartReasons, documentDatesOf, importAmendingCandidates, type CounterpartDocument, type DocumentDates,
  ensureCatalogPaths, ensureDirectoryMatters, findOrganByCode, importLinkTargets, indexNumbersTaken, insertImportedDraft, interpretationRefusals, isTemplateId,
  linkImportedItem, listCatalogNodes, nodePaths, redirectOwners, type RedirectOwner, listDirectoryMatters, matterCode, organChain, organNotFound, parseTemplateMatter, catchUpItemNumbers, requireRoleOnOrgan,
  checkAttachmentFile, docTypeWarnings, documentName, documentNumberConflict, documentNumberHolders, documentNumberRepeatedMessage, documentNumberTakenMessage, importDuplicateCandidates, storedSpellingsOf, serializeOrganImports, type Executor, publicationInputColumns, type DocTypeWarningCode, type ImportedMatter, type ImportedNode, type Organ,
} from '../../catalog/index.ts';
import { actorLabel, systemActor, type Actor } from '../../identity/index.ts';
import { applyMasks, extractText, scanFileName, wordListsFor } from '../../privacy/index.ts';
import { htmlToText, publishImportedIn, scanGateReasons, scanItemTexts, type AttachmentRead, type ItemFinding, type ScannedItem } from '../../review/index.ts';
import { sanitizeRichText } from '../../../platform/views/sanitize-rich-text.ts';
import { findingKind, heldBackMessage, holdList, markingRefusal, rowFindingsOf, type HeldBack, type HoldReasons, type RowFinding } from '../domain/scan-outcome.ts';
import { pathNames } from '../domain/item-columns.ts';
import { duplicateRows, unconfirmedDuplicate, type DuplicateRow } from '../domain/duplicate-rows.ts';
import type { CatalogRecord, ItemFile, Problem } from '../domain/item-records.ts';
import { oldPathOf, parseItem, type ImportMode, type ParsedItem, type RecordParts } from '../domain/parse-item.ts';
import { attachmentKey, type AttachmentSource } from './attachment-source.ts';
import { itemPath } from '../../catalog/index.ts';
import { keptNumbers, recordItemAddresses } from './item-addresses.ts';
import { keptNodeNumbers, nodeRedirectsExpected, recordNodeAddresses, type FileNode } from './node-addresses.ts';

export type ImportProgress = (phase: 'check' | 'write', done: number, total: number) => void;

export type ImportOptions = {
  mode: ImportMode;
  dryRun: boolean;
  attachments: AttachmentSource | null;
  /** Where the rows came from, for the audit log ("items.xlsx"). */
  from: string;
  /**
   * The officer has confirmed that the rows taken for duplicates (docs/import-export.md, "Suspected
   * duplicates") are to be imported all the same: they are then listed, not refused.
   */
  allowDuplicates?: boolean;
  onProgress?: ImportProgress;
};

export type ImportReport = {
  ok: boolean;
  dryRun: boolean;
  mode: ImportMode;
  /** Items in the file that passed (all of them when ok). */
  items: number;
  /** Records in the file. */
  records: number;
  attachments: number;
  nodesCreated: number;
  redirects: number;
  problems: Problem[];
  /**
   * What is told, never refused: each passing row's 文件类型 warnings (the item form's rule,
   * docTypeWarnings), with the row's place and the warning's stable code.
   */
  warnings: RowWarning[];
  /**
   * What the import wrote, in the file's order (none for a dry run or a refused file), each with its row (`at`, as
   * every list of the report: 第N行 as a spreadsheet program shows it, 第N条 of a JSON list): its page links each.
   */
  written: { at: string; id: number; title: string }[];
  /**
   * What the privacy and secrecy scan (the review chain's own) found, row by row and field by field,
   * in a dry run as in the import: the kind and a masked excerpt, never the personal data itself.
   */
  findings: RowFinding[];
  /**
   * Published history that is not published because its scan found what a reviewer must mask or
   * accept (the review gate's ERR_REVIEW_SCAN_BLOCKED): imported as drafts for 报送审核, each with the
   * reason. `id` is null in a dry run (what the import would hold back). Empty for drafts.
   */
  heldBack: HeldBack[];
  /** How many of `written` were published (published history less what was held back). */
  published: number;
  /**
   * Rows that repeat an item of the organ or an earlier row (same title, 文号, 成文日期 and 发布日期):
   * refused among `problems` unless `allowDuplicates`, then imported and listed here all the same.
   */
  duplicates: DuplicateRow[];
  /**
   * Rows imported as drafts whose 发布日期 is not kept (a draft has none; publishing dates it), each
   * with why: told, never refused. Empty for published history, which keeps its 发布日期.
   */
  notKept: NotKept[];
  /**
   * Rows whose 文号 only said there is none (—, /, 无, 暂无 …, as older sites' files write it), imported
   * without a 文号, each told: never refused (other punctuation-only 文号 are, by the item schema).
   */
  noDocumentNumber: NoDocumentNumber[];
};

export type NotKept = { at: string; title: string; code: 'WARN_TRANSFER_PUBLISHED_ON_NOT_KEPT'; message: string };
export type NoDocumentNumber = { at: string; title: string; code: 'WARN_TRANSFER_DOCUMENT_NUMBER_NONE'; message: string };

export type RowWarning = { at: string; code: DocTypeWarningCode; message: string };

const sameProblem = (a: Problem, b: Problem) => a.at === b.at && a.message === b.message;

/**
 * Lets the process serve other requests between two rows (the import's progress page above all). On
 * SQLite every statement runs synchronously, so without this a long import would not let go of the
 * event loop until it ended. Inside the write transaction this is safe: Kysely's SQLite driver keeps
 * its one connection for the transaction until it commits or rolls back, so nothing else can slip a
 * statement into it — other requests' queries wait for the connection (see ImportJobs.watchedBy).
 */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports an organ's items from a read item file, all or nothing (issue 17; docs/import-export.md).
 * First every record is checked — its own fields, its catalog paths, its 索引号 against the file and
 * the database, its attachment files, and the privacy scanner over its text and files — and every
 * problem is listed; a dry run stops there. Only a file without problems is written, in one
 * transaction: missing catalog nodes of the file's catalog, the items as drafts with their
 * attachments, published (backdated, route system_import) when asked, and the old addresses' redirects.
 */
export async function importItems(deps: AppDeps, actor: Actor, organCode: string, file: ItemFile, opts: ImportOptions): Promise<ImportReport> {
  const organ = await findOrganByCode(deps.db, organCode);
  if (!organ) throw organNotFound(organCode);
  await requireRoleOnOrgan(deps.db, actor, organ.id, 'organ_admin');
  const checked = await checkRecords(deps, organ, file, opts);
  const report: ImportReport = {
    ok: checked.problems.length === 0, dryRun: opts.dryRun, mode: opts.mode, items: checked.items.length, records: file.items.length,
    attachments: checked.items.reduce((n, i) => n + i.attachments.length, 0), nodesCreated: checked.newNodes, redirects: await redirectsExpected(deps, organ, checked.items) + (await nodeRedirectsExpected(deps.db, organ, checked.catalog)),
    problems: checked.problems, warnings: rowWarnings(organ, checked.items), written: [],
    findings: checked.findings, heldBack: opts.mode === 'published' ? checked.items.flatMap((item) => held(item, checked.held, null)) : [], published: 0,
    duplicates: checked.duplicates,
    notKept: checked.items.flatMap((item) => item.publishedOnNotKept
      ? [{ at: item.at, title: item.input.title, code: 'WARN_TRANSFER_PUBLISHED_ON_NOT_KEPT' as const, message: item.publishedOnNotKept }] : []),
    noDocumentNumber: checked.items.flatMap((item) => item.documentNumberNone
      ? [{ at: item.at, title: item.input.title, code: 'WARN_TRANSFER_DOCUMENT_NUMBER_NONE' as const, message: item.documentNumberNone }] : []),
  };
  if (!report.ok || opts.dryRun) return report;
  const outcome = await writeItems(deps, actor, organ, checked.catalog, checked.items, checked.targets, checked.held, opts);
  // Another import of the organ wrote first (two uploads of one file at once): refused as a second upload would be.
  if ('refused' in outcome) return { ...report, ok: false, problems: outcome.refused, heldBack: [], notKept: [], noDocumentNumber: [], warnings: [] };
  const { redirects, ids } = outcome;
  report.duplicates = [...report.duplicates, ...outcome.duplicates.filter((d) => !report.duplicates.some((e) => e.at === d.at))];
  report.redirects = redirects;
  report.written = checked.items.map((item, i) => ({ at: item.at, id: ids[i]!, title: item.input.title }));
  report.heldBack = opts.mode === 'published' ? checked.items.flatMap((item, i) => held(item, checked.held, ids[i]!)) : [];
  report.published = opts.mode === 'published' ? report.written.length - report.heldBack.length : 0;
  return report;
}

/** A row held back from publishing, with why (none when it is published). */
function held(item: ParsedItem, holds: Map<string, HoldReasons>, id: number | null): HeldBack[] {
  const why = holds.get(item.at);
  return why ? [{ at: item.at, id, title: item.input.title, code: 'WARN_TRANSFER_HELD_FOR_REVIEW', message: heldBackMessage(why) }] : [];
}

/** The 文件类型 warnings of the rows that pass, in the file's order; the columns named as the file names them. */
function rowWarnings(organ: Organ, items: ParsedItem[]): RowWarning[] {
  return items.flatMap((item) => docTypeWarnings({
    docType: item.input.docType, documentNumber: item.input.documentNumber ?? '', nodeNames: item.catalogPaths.map((p) => p.join('/')), organKind: organ.kind,
  }).map((w) => ({ at: item.at, ...w })));
}

/** How many former addresses an import would redirect (a dry run's estimate): those of rows that do not keep their number. */
async function redirectsExpected(deps: AppDeps, organ: Organ, items: ParsedItem[]): Promise<number> {
  const kept = await keptNumbers(deps.db, organ, items);
  return items.reduce((n, item, i) => n + item.oldPaths.length - (kept[i] === undefined ? 0 : 1), 0);
}

/** The file's catalog list as nodes with their former addresses, with the problems of its entries. */
function catalogNodesOf(records: CatalogRecord[] | null, problems: Problem[]): FileNode[] {
  const nodes: FileNode[] = [];
  const seen = new Map<string, string>();
  for (const r of records ?? []) {
    const names = pathNames(r.path);
    const matters = mattersOf(r, seen, problems);
    const oldPaths: string[] = [];
    for (const address of r.addresses) {
      const oldPath = oldPathOf(address);
      if (!oldPath) problems.push({ at: r.at, message: `原网址“${address.slice(0, 200)}”不是有效的网址（应以 http:// 或 https:// 开头，或为以 / 开头的路径，不能是网站首页）` });
      else if (!oldPaths.includes(oldPath)) oldPaths.push(oldPath);
    }
    if (names.length === 0) problems.push({ at: r.at, message: '缺少栏目路径' });
    else if (names.some((n) => n.length > 60)) problems.push({ at: r.at, message: '栏目名称不能超过 60 个字符' });
    else nodes.push({ at: r.at, path: names, description: r.description.trim().slice(0, 500), isStandardDirectory: r.standardArea.trim() !== '', standardArea: r.standardArea.trim() || null, matters, oldPaths });
  }
  return nodes;
}

/** A catalog entry's 标准目录 事项, checked by the template rules (each 模板编号:事项编码 once in the file). */
function mattersOf(r: CatalogRecord, seen: Map<string, string>, problems: Problem[]): ImportedMatter[] {
  const out: ImportedMatter[] = [];
  for (const m of r.matters) {
    const { templateId, path: _path, ...fields } = m.fields;
    const id = typeof templateId === 'string' ? templateId.trim() : '';
    const { matter, problems: own } = parseTemplateMatter(fields);
    if (!id) own.unshift('缺少模板编号（templateId）');
    else if (!isTemplateId(id)) own.unshift(`模板编号“${id}”只能由小写字母、数字和连字符组成`);
    for (const message of own) problems.push({ at: m.at, message });
    if (!matter || own.length) continue;
    const code = matterCode({ templateId: id, key: matter.key });
    const earlier = seen.get(code);
    if (earlier) problems.push({ at: m.at, message: `事项“${code}”与${earlier}重复` });
    else {
      seen.set(code, m.at);
      out.push({ ...matter, templateId: id });
    }
  }
  return out;
}

async function checkRecords(deps: AppDeps, organ: Organ, file: ItemFile, opts: ImportOptions) {
  const problems: Problem[] = [...file.problems];
  const add = (at: string, message: string) => {
    const p = { at, message };
    if (!problems.some((q) => sameProblem(p, q))) problems.push(p);
  };
  const catalog = catalogNodesOf(file.catalog, problems);
  const known = new Set<string>();
  const existing = await listCatalogNodes(deps.db, organ.id);
  const byId = new Map(existing.map((n) => [n.id, n]));
  const pathOf = (id: number): string => {
    const n = byId.get(id)!;
    return n.parentId === null ? n.name : `${pathOf(n.parentId)}/${n.name}`;
  };
  for (const n of existing) known.add(pathOf(n.id));
  let newNodes = 0;
  for (const n of catalog) {
    for (let d = 1; d <= n.path.length; d++) {
      const key = n.path.slice(0, d).join('/');
      if (!known.has(key)) {
        known.add(key);
        newNodes++;
      }
    }
  }

  const today = chinaDateOf(deps.clock.now());
  const wordLists = await wordListsFor(deps.db, await organChain(deps.db, organ.id));
  /** Every record with what can be checked of it, whether or not its own fields passed (item null). */
  const rows: CheckedRow[] = [];
  const seenIndex = new Map<string, string>();
  const seenOld = new Map<string, string>();
  /** Every 索引号 the file gives, with its row: links may point to any row, earlier or later. */
  const inFile = new Map<string, { at: string; itemKind: string | null }>();
  const rowFinding: RowFinding[] = [];
  /** Rows the scan holds back from publishing, with what it found (field and kind). */
  const holds = new Map<string, HoldReasons>();
  const total = file.items.length;
  for (const [i, record] of file.items.entries()) {
    if (i > 0) await letOthersRun();
    const { item, problems: own, parts } = parseItem(record, opts.mode, today);
    for (const m of own) add(record.at, m);
    rows.push({ at: record.at, item, parts });
    if (parts.indexNumber && !inFile.has(parts.indexNumber)) inFile.set(parts.indexNumber, { at: record.at, itemKind: parts.itemKind });
    opts.onProgress?.('check', i, total);
    const refuse = (message: string) => add(record.at, message);
    for (const p of parts.catalogPaths) if (!known.has(p.join('/'))) refuse(`目录“${p.join('/')}”不在本机关的公开目录中`);
    if (parts.indexNumber) {
      const earlier = seenIndex.get(parts.indexNumber);
      if (earlier) refuse(`索引号“${parts.indexNumber}”与${earlier}重复`);
      else seenIndex.set(parts.indexNumber, record.at);
    }
    for (const oldPath of parts.oldPaths) {
      const earlier = seenOld.get(oldPath);
      if (earlier) refuse(`原网址路径“${oldPath}”与${earlier}重复`);
      else seenOld.set(oldPath, record.at);
    }
    const names = new Set<string>();
    const reads: AttachmentRead[] = [];
    for (const [n, name] of parts.attachments.entries()) {
      const base = attachmentKey(name).split('/').pop()!;
      // Its 附件名称 is published as the link's text: scanned with the file, as the review chain scans it.
      const title = parts.attachmentTitles[n] ?? null;
      if (names.has(base)) refuse(`附件“${base}”重复`);
      names.add(base);
      // A file that is missing or refused is not read, but its names are scanned all the same: they are
      // published text the officer corrects along with the file, and the report lists what they hold.
      // The refusal names the file as the scan's findings do, with what its name holds masked (the report never carries it).
      const shown = applyMasks(name, scanFileName(name, { wordLists }));
      if (!opts.attachments) {
        refuse(`附件“${shown}”找不到：没有指定附件目录或压缩包（--attachments）`);
        reads.push({ fileName: base, title, read: null });
        continue;
      }
      if (!opts.attachments.has(name)) {
        refuse(`附件“${shown}”在 ${opts.attachments.label} 中找不到`);
        reads.push({ fileName: base, title, read: null });
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = opts.attachments.read(name);
        checkAttachmentFile({ fileName: base, bytes });
      } catch (e) {
        refuse((e as Error).message);
        reads.push({ fileName: base, title, read: null });
        continue;
      }
      try {
        reads.push({ fileName: base, title, read: { text: (await extractText(bytes, base)).text } });
      } catch (e) {
        // Unread is never clean: the review scan makes it a blocking finding a reviewer must look at.
        reads.push({ fileName: base, title, read: { error: (e as Error).message } });
      }
    }
    // The review chain's own scan, over what the item will store (its body sanitised as the editor
    // stores it, so a character reference such as &#49; or &#9733; reads as the portal shows it)
    // and its attachments' text (条例第十七条). A 密级标志 refuses the row: a marked carrier is not
    // put into a system for public content at all (保守国家秘密法); other blocking findings hold the
    // row back from publishing, for a reviewer to mask or accept (条例第十四条、第十五条).
    const findings = scanItemTexts(scannedItemOf(organ, item, parts), reads, wordLists);
    rowFinding.push(...rowFindingsOf(record.at, item?.input.title ?? parts.texts[0][1], findings));
    const gate = scanGateReasons(findings);
    if (gate.some((r) => r.code === 'ERR_REVIEW_SECRECY_MARKING')) refuse(markingRefusal(findings));
    else if (gate.length) holds.set(record.at, { found: blockingKinds(findings), policies: [] });
  }
  // The checks that need every row run on every row, its own fields right or wrong, so that one run
  // lists every problem (a second run finds nothing new).
  const indexNumbers = [...new Set(rows.map((r) => r.parts.indexNumber).filter((n): n is string => !!n))];
  const taken = await indexNumbersTaken(deps.db, indexNumbers);
  for (const { at, parts } of rows) {
    if (parts.indexNumber && taken.has(parts.indexNumber)) add(at, indexNumberTaken(parts.indexNumber));
  }
  // A second upload of rows without 索引号 would publish each item twice: a suspected duplicate is
  // refused unless the officer confirms it (then it is only listed).
  // A 文号 another item of the organ or an earlier row has is refused as the item form refuses it; such a row is
  // refused by its 文号 alone, never also offered as a suspected duplicate to confirm.
  const parsed = rows.flatMap(({ item }) => item ? [item] : []);
  const numbersTaken = await documentNumbersTaken(deps.db, organ, parsed);
  for (const [at, message] of numbersTaken) add(at, message);
  const duplicates = (await duplicatesOf(deps.db, organ, parsed)).filter((d) => !numbersTaken.has(d.at));
  if (!opts.allowDuplicates) for (const d of duplicates) add(d.at, unconfirmedDuplicate(d));
  await checkOldAddressOwners(deps, rows, add);
  await checkNodeAddressOwners(deps, organ, catalog, (path) => existing.find((n) => pathOf(n.id) === path)?.id ?? null, add);
  const matterChoices = await matterChoicesOf(deps, organ, catalog, pathOf);
  const targets = await checkLinks(deps, organ, rows, inFile, matterChoices, opts.mode, add);
  opts.onProgress?.('check', total, total);
  const refused = new Set(problems.map((p) => p.at));
  const items = rows.map((r) => r.item).filter((i): i is ParsedItem => i !== null && !refused.has(i.at));
  holdInterpretationsOfHeld(items, holds);
  // In the file's order (the checks that need every row add theirs last); the file's own and its catalog's first.
  const order = new Map(file.items.map((r, i) => [r.at, i]));
  problems.sort((a, b) => (order.get(a.at) ?? -1) - (order.get(b.at) ?? -1));
  return { problems, items, catalog, newNodes, targets, findings: rowFinding, held: holds, duplicates };
}

const indexNumberTaken = (n: string) => `索引号“${n}”已被本系统中的其他信息使用`;

/** The rows that repeat an item of the organ or an earlier row (docs/import-export.md, "Suspected duplicates"). */
async function duplicatesOf(db: Executor, organ: Organ, items: ParsedItem[]): Promise<DuplicateRow[]> {
  const keyed = items.map((item) => ({
    at: item.at, title: item.input.title, documentNumber: item.input.documentNumber ?? '', formedOn: item.input.formedOn, publishedOn: item.publishedOn, indexNumber: item.indexNumber,
  }));
  return duplicateRows(keyed, await importDuplicateCandidates(db, organ.id, keyed.map((r) => r.formedOn)));
}

/**
 * The rows whose 文号 another item of the organ has (withdrawn ones aside; an interpretation and the policy it explains
 * may share one) or an earlier row of the file has, with the refusal in the item form's words
 * (ERR_CATALOG_DOCUMENT_NUMBER_TAKEN; docs/import-export.md, "A 文号 already used"). One look-up for the whole file.
 */
async function documentNumbersTaken(db: Executor, organ: Organ, items: ParsedItem[]): Promise<Map<string, string>> {
  const numbered = items.filter((item) => !!item.input.documentNumber);
  const holders = await documentNumberHolders(db, organ.id, numbered.flatMap((item) => storedSpellingsOf(item.input.documentNumber)));
  const out = new Map<string, string>();
  const earlier = new Map<string, ParsedItem>();
  for (const item of numbered) {
    const dn = item.input.documentNumber;
    const holder = documentNumberConflict({ id: null, itemKind: item.input.itemKind, policyIds: item.input.policyIds }, dn, holders);
    const key = documentNumberKey(dn);
    const before = earlier.get(key);
    if (holder) out.set(item.at, documentNumberTakenMessage(holder));
    else if (before && item.input.itemKind !== 'interpretation' && before.input.itemKind !== 'interpretation') out.set(item.at, documentNumberRepeatedMessage(dn, before.at, before.input.title));
    if (!before) earlier.set(key, item);
  }
  return out;
}

/**
 * The checks against the database again, inside the write transaction once it holds the organ's
 * import lock (serializeOrganImports): what another import wrote since this one's checks — the same
 * file uploaded twice at once — is found here. Its problems in the checks' own words; the rows taken
 * for duplicates (listed in the report when the officer confirmed them).
 */
async function laterConflicts(trx: Executor, organ: Organ, items: ParsedItem[], allowDuplicates: boolean): Promise<{ problems: Problem[]; duplicates: DuplicateRow[] }> {
  const taken = await indexNumbersTaken(trx, items.flatMap((i) => (i.indexNumber ? [i.indexNumber] : [])));
  const problems: Problem[] = items.flatMap((i) => (i.indexNumber && taken.has(i.indexNumber) ? [{ at: i.at, message: indexNumberTaken(i.indexNumber) }] : []));
  const numbersTaken = await documentNumbersTaken(trx, organ, items);
  problems.push(...[...numbersTaken].map(([at, message]) => ({ at, message })));
  const duplicates = (await duplicatesOf(trx, organ, items)).filter((d) => !numbersTaken.has(d.at));
  if (!allowDuplicates) problems.push(...duplicates.map((d) => ({ at: d.at, message: unconfirmedDuplicate(d) })));
  const order = new Map(items.map((item, i) => [item.at, i]));
  problems.sort((a, b) => order.get(a.at)! - order.get(b.at)!);
  return { problems, duplicates };
}

/** Thrown inside the write transaction to roll it back when another import wrote first. */
class WrittenMeanwhile extends Error {
  constructor(readonly problems: Problem[]) {
    super('another import of the organ wrote first');
  }
}

/** What of a row the portal would show, as the item will store it; from the raw cells when its own fields failed. */
function scannedItemOf(organ: Organ, item: ParsedItem | null, parts: RecordParts): ScannedItem {
  if (item) {
    const c = publicationInputColumns({ ...item.input, nodeIds: [] }, organ.name);
    return {
      title: c.title, summary: c.summary, bodyHtml: c.body_html, keywords: item.input.keywords, source: c.source, documentNumber: c.document_number, publishingOrganName: c.publishing_organ_name,
    };
  }
  const cell = (where: string) => parts.texts.find(([w]) => w === where)?.[1] ?? '';
  return {
    title: cell('标题'), summary: cell('内容概述'), bodyHtml: sanitizeRichText(cell('正文')), keywords: [cell('关键词')], source: cell('信息来源'),
    documentNumber: cell('文号'), publishingOrganName: cell('发布机构') || organ.name,
  };
}

/** Each blocking finding's field and kind, once (正文：手机号码) — what holds a row back, never the data. */
const blockingKinds = (findings: ItemFinding[]) => [...new Set(findings.filter((f) => f.severity === 'block').map((f) => `${f.source}：${findingKind(f.type)}`))];

/**
 * An interpretation goes out only with or after its policy: one whose policy in the file is held
 * back is held back with it (an interpretation is never a policy, so this goes one step only).
 */
function holdInterpretationsOfHeld(items: ParsedItem[], holds: Map<string, HoldReasons>): void {
  const heldNumbers = new Map(items.filter((i) => holds.has(i.at) && i.indexNumber && i.input.itemKind !== 'interpretation').map((i) => [i.indexNumber!, i.input.title]));
  for (const item of items) {
    if (item.input.itemKind !== 'interpretation') continue;
    const policies = item.links.policies.filter((n) => heldNumbers.has(n)).map((n) => heldNumbers.get(n)!);
    if (policies.length) holds.set(item.at, { found: holds.get(item.at)?.found ?? [], policies });
  }
}

/**
 * An old address leads to one page (docs/import-export.md "Addresses"): a row's 原网址 that already
 * redirects here — to another item, or to a catalog node — is refused, so that an import never takes
 * a redirect from what had it. The same item imported again (its 索引号 the same) is refused by its
 * 索引号 alone; its old address leading to it is no second problem. A redirect whose item was deleted
 * is taken over.
 */
async function checkOldAddressOwners(deps: AppDeps, rows: CheckedRow[], add: (at: string, message: string) => void): Promise<void> {
  const owners = await redirectOwners(deps.db, [...new Set(rows.flatMap((r) => r.parts.oldPaths))]);
  for (const { at, parts } of rows) {
    for (const oldPath of parts.oldPaths) {
      const owner = owners.get(oldPath);
      if (!owner || owner.gone) continue;
      const item = owner.item;
      if (item && parts.indexNumber && item.indexNumber === parts.indexNumber) continue;
      add(at, ownedAddress(owner));
    }
  }
}

/** The problem of an old address that already leads elsewhere. */
function ownedAddress(owner: RedirectOwner): string {
  const item = owner.item;
  if (item) return `原网址“${owner.fromPath}”已是信息《${item.title}》（${item.indexNumber ? `索引号 ${item.indexNumber}` : `编号 ${item.id}`}）的原网址`;
  return `原网址“${owner.fromPath}”已转向本站的 ${owner.toPath}`;
}

/**
 * The same for the catalog's nodes: a node's former address that already redirects anywhere but to
 * that node's page (a node the organ has, by its path) is refused on the node's entry.
 */
async function checkNodeAddressOwners(
  deps: AppDeps, organ: Organ, catalog: FileNode[], existingId: (path: string) => number | null, add: (at: string, message: string) => void,
): Promise<void> {
  const owners = await redirectOwners(deps.db, [...new Set(catalog.flatMap((n) => n.oldPaths))]);
  if (owners.size === 0) return;
  for (const node of catalog) {
    const id = existingId(node.path.join('/'));
    const page = id === null ? null : nodePaths(organ.code, id)[0];
    for (const oldPath of node.oldPaths) {
      const owner = owners.get(oldPath);
      if (owner && !owner.gone && owner.toPath !== page) add(node.at, ownedAddress(owner));
    }
  }
}

/** A 事项 an item may name: the organ's, and those the file's catalog adds, with the path of its node. */
type MatterChoice = { code: string; name: string; path: string };

async function matterChoicesOf(deps: AppDeps, organ: Organ, catalog: ImportedNode[], pathOf: (nodeId: number) => string): Promise<MatterChoice[]> {
  const choices = (await listDirectoryMatters(deps.db, organ.id)).map((m) => ({ code: matterCode(m), name: m.name, path: pathOf(m.nodeId) }));
  const known = new Set(choices.map((c) => c.code));
  for (const n of catalog) {
    for (const m of n.matters ?? []) {
      // A 事项 the organ has already stays where it is (as a second template import leaves it).
      if (!known.has(matterCode(m))) choices.push({ code: matterCode(m), name: m.name, path: n.path.join('/') });
      known.add(matterCode(m));
    }
  }
  return choices;
}

/** A record as checked: where it is, what can be checked of it, and its item when its own fields passed. */
type CheckedRow = { at: string; parts: RecordParts; item: ParsedItem | null };

/**
 * Checks what each row names beyond itself, once every row is read, whether or not its own fields
 * passed: the policies an interpretation explains and its replacement (by 索引号, in the file or the
 * database), the 事项 it fulfils (one of its nodes'; resolved to its code in place), and, for
 * published history, that an interpretation is complete as the publish rules want it. Returns the
 * database items named, by 索引号.
 */
async function checkLinks(
  deps: AppDeps, organ: Organ, rows: CheckedRow[], inFile: Map<string, { at: string; itemKind: string | null }>, matters: MatterChoice[], mode: ImportMode,
  refuse: (at: string, message: string) => void,
): Promise<Map<string, number>> {
  const outside = rows.flatMap(({ parts: { links } }) => [...links.policies, ...(links.replacedBy ? [links.replacedBy] : []), ...links.amendedBy]).filter((n) => !inFile.has(n));
  const targets = await importLinkTargets(deps.db, organ.id, [...new Set(outside)]);
  for (const { at, parts, item } of rows) {
    const links = parts.links;
    for (const n of links.policies) {
      const own = inFile.get(n);
      const t = targets.get(n);
      // An unpublished item of another organ is answered like a missing one (as the editor does).
      const visible = t && (t.status === 'published' || (t.organId === organ.id && t.status !== 'withdrawn'));
      if (own) {
        if (own.itemKind === 'interpretation') refuse(at, `所解读的政策“${n}”（${own.at}）是一篇政策解读：请填写它所解读的政策文件的索引号`);
      } else if (!t || !visible) refuse(at, `所解读的政策“${n}”：这个索引号在文件和本系统中都找不到`);
      else if (t.itemKind === 'interpretation') refuse(at, `所解读的政策“${n}”是一篇政策解读：请填写它所解读的政策文件的索引号`);
      else if (!t.related) refuse(at, `所解读的政策“${n}”不属于本机关或上下级机关，不能关联`);
      else if (mode === 'published' && t.status !== 'published') refuse(at, `所解读的政策“${n}”尚未发布：作为已发布信息导入的政策解读只能关联已发布的政策文件`);
    }
    const r = links.replacedBy;
    if (r && !inFile.has(r) && !targets.has(r)) refuse(at, `替代文件“${r}”：这个索引号在文件和本系统中都找不到`);
    if (links.matter && parts.catalogPaths.length) {
      const v = links.matter;
      const paths = parts.catalogPaths.map((p) => p.join('/'));
      const found = matters.filter((m) => paths.includes(m.path) && (m.code === v || m.name === v));
      // Resolved in place: `item.links` is `parts.links`.
      if (found.length === 1) links.matter = found[0].code;
      else if (found.length > 1) refuse(at, `标准目录事项“${v}”在本信息所在的目录栏目中不止一个，请写成“模板编号:事项编码”`);
      else refuse(at, `标准目录事项“${v}”不是本信息所在目录栏目（${paths.join('、')}）的事项`);
    }
    // Published history has no reviewer after it: an interpretation must be complete as publishing
    // wants it (a missing or wrong 解读形式 is the row's own problem, reported already).
    const form = (item?.input.interpretationForm ?? parts.interpretation.form) as Parameters<typeof interpretationRefusals>[0]['form'];
    if (mode === 'published' && parts.itemKind === 'interpretation' && form) {
      const body = parts.texts.find(([where]) => where === '正文')?.[1] ?? '';
      const reasons = interpretationRefusals({
        itemKind: 'interpretation', form,
        bodyText: htmlToText(body), videoUrl: parts.interpretation.videoUrl || null,
        graphic: links.graphic ? { isImage: true, live: true } : null, policies: [{ status: 'published' }],
      });
      for (const reason of reasons) refuse(at, reason.message);
    }
  }
  await checkValidityLinks(deps, organ, rows, inFile, targets, refuse);
  return new Map([...targets].map(([n, t]) => [n, t.id]));
}

type LinkTargets = Awaited<ReturnType<typeof importLinkTargets>>;
/** A 替代文件 or 修改文件 as found: a row of the file, or an item of the database (`related`: of the organ, above or below it). */
type Found = { row: CheckedRow } | { item: { id: number; organId: number; status: string; title: string; documentNumber: string | null; related: boolean } & CounterpartDocument };

/**
 * The 替代文件 and the 修改文件 of each row (ADR 0054): found by 索引号 in the file or the database — a 修改文件 also by 文号 or
 * title, among the file's rows, then the published documents of the organ, above it and below it — and weighed by the rules
 * 标记废止 and 标记已修改 apply (the 替代文件 of a row 已修改 names its amender, ADR 0026): never a 政策解读, never a document made
 * before the row (counterpart-document.ts, ADR 0048); a 修改文件 also not the row itself, published, of a related organ, and
 * not one the row amends or replaces through the file's other rows (amendingRefusal). In their words, by the row; each
 * 修改文件 found is kept on the row's links (`amenders`) for the write.
 */
async function checkValidityLinks(
  deps: AppDeps, organ: Organ, rows: CheckedRow[], inFile: Map<string, { at: string; itemKind: string | null }>, targets: LinkTargets,
  refuse: (at: string, message: string) => void,
): Promise<void> {
  const rowAt = new Map(rows.map((r) => [r.at, r]));
  const fromDb = (t: NonNullable<ReturnType<LinkTargets['get']>>): Found => ({ item: { ...t, ...documentDatesOf(t) } });
  const byIndex = (n: string): Found | null => {
    const own = inFile.get(n);
    if (own) return { row: rowAt.get(own.at)! };
    const t = targets.get(n);
    return t ? fromDb(t) : null;
  };
  // Names that are no 索引号 of the file or the database: a 文号 or a title, of a row or a published document.
  const unindexed = [...new Set(rows.flatMap((r) => r.parts.links.amendedBy).filter((n) => !byIndex(n)))];
  const named = (n: string) => {
    const key = documentNumberKey(n);
    const title = n.replace(/^《(.*)》$/, '$1');
    return rows.filter((r) => r.parts.self.title === title || (r.parts.self.documentNumber !== '' && documentNumberKey(r.parts.self.documentNumber) === key));
  };
  const inDb = await importAmendingCandidates(deps.db, organ.id, unindexed.filter((n) => named(n).length === 0));
  const amenders = new Map<string, { name: string; found: Found }[]>();
  for (const r of rows) {
    const list: { name: string; found: Found }[] = [];
    for (const n of r.parts.links.amendedBy) {
      const direct = byIndex(n);
      if (direct) {
        list.push({ name: n, found: direct });
        continue;
      }
      const fileRows = named(n);
      const dbItems = inDb.get(n) ?? [];
      if (fileRows.length === 1) list.push({ name: n, found: { row: fileRows[0]! } });
      else if (fileRows.length > 1) refuse(r.at, `修改文件“${n}”对应文件中的多行（${fileRows.map((x) => x.at).join('、')}），请填写其中一行的索引号`);
      else if (dbItems.length === 1) list.push({ name: n, found: { item: { ...dbItems[0]!, related: true, ...documentDatesOf(dbItems[0]!) } } });
      else if (dbItems.length > 1) refuse(r.at, `修改文件“${n}”对应多份文件，请填写其中一份的索引号：${dbItems.map((d) => `${d.indexNumber ?? d.id}（${documentName(d)}）`).join('、')}`);
      else refuse(r.at, `修改文件“${n}”：这个索引号、文号或标题在文件和本系统中都找不到（本系统中限本机关及上下级机关已发布的文件）`);
    }
    amenders.set(r.at, list);
  }
  // What amends or replaces what within the file: a row → the rows named as its 修改文件 or 替代文件.
  const onward = new Map(rows.map((r) => {
    const replacement = r.parts.links.replacedBy ? inFile.get(r.parts.links.replacedBy)?.at : undefined;
    return [r.at, [...amenders.get(r.at)!.flatMap((a) => ('row' in a.found ? [a.found.row.at] : [])), ...(replacement ? [replacement] : [])]];
  }));
  const reaches = (from: string, to: string) => {
    const seen = new Set([from]);
    for (let frontier = [from]; frontier.length; ) {
      const next = frontier.flatMap((at) => onward.get(at) ?? []).filter((at) => !seen.has(at));
      if (next.includes(to)) return true;
      for (const at of next) seen.add(at);
      frontier = next;
    }
    return false;
  };
  const rowNumber = new Map(rows.map((r, i) => [r.at, -(i + 1)]));
  const datesOfRow = (r: CheckedRow): DocumentDates => ({ formedOn: r.parts.self.formedOn, publishedOn: r.parts.self.publishedOn });
  const documentOf = (f: Found): CounterpartDocument => ('row' in f
    ? { itemKind: f.row.parts.itemKind === 'interpretation' ? 'interpretation' : 'document', title: f.row.parts.self.title, ...datesOfRow(f.row) }
    : f.item);
  for (const r of rows) {
    const own = datesOfRow(r);
    const replacement = r.parts.links.replacedBy ? byIndex(r.parts.links.replacedBy) : null;
    if (replacement && !('row' in replacement && replacement.row.at === r.at)) {
      for (const reason of counterpartReasons(r.parts.self.validity === 'amended' ? 'amending' : 'replacement', own, documentOf(replacement))) refuse(r.at, reason.message);
    }
    for (const { found } of amenders.get(r.at)!) {
      const target = 'row' in found
        ? { id: rowNumber.get(found.row.at)!, organId: organ.id, status: 'published', title: found.row.parts.self.title, documentNumber: found.row.parts.self.documentNumber || null }
        : found.item;
      const refusal = amendingRefusal(rowNumber.get(r.at)!, target.id, target, {
        related: new Set('row' in found || found.item.related ? [target.organId] : []), already: false, reaches: 'row' in found && reaches(found.row.at, r.at),
      });
      if (refusal) refuse(r.at, refusal.message);
      else for (const reason of counterpartReasons('amending', own, documentOf(found))) refuse(r.at, reason.message);
    }
    // Resolved in place (`item.links` is `parts.links`), for the write.
    r.parts.links.amenders = amenders.get(r.at)!.map(({ found }) => ('row' in found ? { row: found.row.at } : { id: found.item.id }));
  }
}

/** An item's 原网址 as its import record keeps them: not its own page, when it kept its number (that is no former address). */
const formerUrls = (item: ParsedItem, ownPage: string | null) => item.oldUrls.filter((u) => ownPage === null || oldPathOf(u) !== ownPage);

/** Writes the checked items in one transaction; returns how many former addresses now redirect. */
async function writeItems(
  deps: AppDeps, actor: Actor, organ: Organ, catalog: FileNode[], items: ParsedItem[], targets: Map<string, number>, holds: Map<string, HoldReasons>, opts: ImportOptions,
): Promise<{ redirects: number; ids: number[]; duplicates: DuplicateRow[] } | { refused: Problem[] }> {
  const written: string[] = [];
  let duplicates: DuplicateRow[] = [];
  // Only the system publishes without the review chain (review's publishImported); the person who
  // imports is named in it and in the audit entries of the drafts.
  const publisher = actor.kind === 'system' ? actor : systemActor(`内容导入（${actorLabel(actor)}）`);
  const published = opts.mode === 'published';
  // Published history the scan holds back stays a draft, for 报送审核 like any other.
  const publishes = (item: ParsedItem) => published && !holds.has(item.at);
  let redirects = 0;
  const ids: number[] = new Array<number>(items.length);
  try {
    await deps.db.transaction().execute(async (trx) => {
      // One import of the organ at a time, and the database checks again under it (docs/import-export.md, "Two uploads at once").
      await serializeOrganImports(trx, deps.dialect, organ.id);
      const later = await laterConflicts(trx, organ, items, opts.allowDuplicates === true);
      if (later.problems.length) throw new WrittenMeanwhile(later.problems);
      duplicates = later.duplicates;
      const at = deps.clock.now().toISOString();
      // Nodes keep the numbers of their export's addresses when free; their other former addresses redirect.
      const nodes = await keptNodeNumbers(trx, organ, catalog);
      const byPath = await ensureCatalogPaths(trx, deps, actor, organ.id, nodes.nodes, nodes.reserveUpTo);
      redirects += await recordNodeAddresses(trx, organ, nodes.nodes, byPath, `导入：栏目原网址（${opts.from}）`, at);
      const matterIds = await ensureDirectoryMatters(trx, organ.id, byPath, catalog, at);
      const idOf = new Map(targets);
      // Rows that keep their number from an export's address go first; then the counter moves past them.
      const kept = await keptNumbers(trx, organ, items);
      const order = items.map((_, i) => i).sort((a, b) => Number(kept[b] !== undefined) - Number(kept[a] !== undefined));
      let countedPast = kept.every((n) => n === undefined);
      let done = 0;
      for (const i of order) {
        const item = items[i];
        if (kept[i] === undefined && !countedPast) {
          await catchUpItemNumbers(trx, deps.dialect);
          countedPast = true;
        }
        const files = item.attachments.map((name, n) => ({ fileName: attachmentKey(name).split('/').pop()!, bytes: opts.attachments!.read(name), title: item.attachmentTitles[n] ?? null }));
        const nodeIds = [...new Set(item.catalogPaths.map((p) => byPath.get(p.join('/'))!))];
        const id = await insertImportedDraft(trx, deps, actor, organ.id, {
          input: { ...item.input, nodeIds }, indexNumber: item.indexNumber, files, from: opts.from, id: kept[i], mode: opts.mode,
          oldUrls: formerUrls(item, kept[i] === undefined ? null : itemPath(organ.code, kept[i])), ...(published && holds.has(item.at) ? { heldForReview: holdList(holds.get(item.at)!) } : {}),
        }, written);
        ids[i] = id;
        if (item.indexNumber) idOf.set(item.indexNumber, id);
        // An interpretation is published after its links (it goes out only with its policy); an ordinary item at once.
        if (publishes(item) && item.input.itemKind !== 'interpretation') await publishImportedIn(trx, deps, publisher, id, { backdatedPublishedOn: item.publishedOn!, importedFrom: opts.from });
        if (!published || item.input.itemKind !== 'interpretation') opts.onProgress?.('write', ++done, items.length);
        await letOthersRun();
      }
      if (!countedPast) await catchUpItemNumbers(trx, deps.dialect);
      // Links once every item is in, so that a row may name a later one.
      const idAt = new Map(items.map((item, i) => [item.at, ids[i]!]));
      for (const [i, item] of items.entries()) {
        const l = item.links;
        if (!l.policies.length && !l.replacedBy && !l.amenders.length && !l.matter && !l.graphic) continue;
        const replacedById = l.replacedBy ? idOf.get(l.replacedBy)! : null;
        await linkImportedItem(trx, ids[i], {
          policyIds: l.policies.map((n) => idOf.get(n)!), replacedById,
          // An amended item's 替代文件 already names that amender (ADR 0026): it is not recorded twice.
          amendingIds: l.amenders.map((a) => ('row' in a ? idAt.get(a.row)! : a.id)).filter((id) => item.input.validity !== 'amended' || id !== replacedById),
          matterId: l.matter ? matterIds.get(l.matter)! : null, graphicFileName: l.graphic,
        }, at);
      }
      if (published) {
        for (const [i, item] of items.entries()) {
          if (item.input.itemKind !== 'interpretation') continue;
          if (publishes(item)) await publishImportedIn(trx, deps, publisher, ids[i], { backdatedPublishedOn: item.publishedOn!, importedFrom: opts.from });
          opts.onProgress?.('write', ++done, items.length);
          await letOthersRun();
        }
      }
      // Former addresses once every item has its page, so that none is taken for a redirect.
      redirects += await recordItemAddresses(trx, organ, items, ids, `导入：原网址（${opts.from}）`, at);
    });
    return { redirects, ids, duplicates };
  } catch (e) {
    // Nothing partial: the rows are gone with the transaction, the files written for them go too.
    await Promise.all(written.map((f) => fs.rm(f, { force: true })));
    if (e instanceof WrittenMeanwhile) return { refused: e.problems };
    throw e;
  }
}
