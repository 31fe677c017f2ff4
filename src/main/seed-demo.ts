import type { AppDeps } from '../platform/app-deps.ts';
import { sanitizeRichText } from '../platform/views/sanitize-rich-text.ts';
import { DomainError } from '../shared/domain-error.ts';
import { annualReportSections, demoAnnualReports, demoCatalog, demoConsultations, demoOrgans, demoProposals, demoPublications, demoReconsiderationBodies, demoSearchLog, DEMO_HOUSING_IDENTITY, DEMO_SITE_IDENTITY, DEMO_STANDARD_DIRECTORY, ORGAN_KEYS } from '../demo/index.ts';
import { saveApplicationSettings } from '../modules/applications/index.ts';
import { findOrganByCode, itemPath, listCatalogNodes, pathTo } from '../modules/catalog/index.ts';
import { applyTemplate } from '../modules/catalog/use-cases/import-standard-directory.ts';
import { findDirectoryTemplate } from '../modules/catalog/use-cases/directory-templates.ts';
import { listDirectoryMatters } from '../modules/catalog/storage/directory-matters-repository.ts';
import { systemActor } from '../modules/identity/index.ts';
import { formatIndexNumber, serialScope } from '../modules/catalog/domain/index-number.ts';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { renderDocumentPdf } from '../platform/documents/index.ts';
import { attachmentPath } from '../modules/catalog/index.ts';
import { htmlToText } from '../modules/review/index.ts';
import { appendAuditEvent } from '../modules/audit/index.ts';
import { seedDemoReportData, type DemoReportRecord } from '../modules/reports/index.ts';
import { moderateComment, openConsultation, publishFeedback, seedDemoProposals, submitComment } from '../modules/interaction/index.ts';
import { addDays, chinaDateOf } from '../shared/iso-date.ts';
import { fixedClock } from '../shared/clock.ts';
import { SearchTermCounter, searchAsCounted, type ParsedQuery } from '../modules/search/index.ts';
import { proactiveDeadline, WorkingDayCalendar } from '../modules/calendar/index.ts';
import type { Executor } from '../modules/catalog/index.ts';

const CHUNK = 200;

/**
 * The demo's steps, in order, each written to demo_steps once done (migration 095): the region in one transaction
 * (ADR 0004), then what the back office's use cases and the files add to it, each step in its own, and last the search
 * log (after the search index, bootstrap.ts). A first start that stopped between two steps left a partial demo no later
 * start completed — the database was no longer empty; the next start now runs the steps not done (unfinishedDemoSteps).
 * A step not done in one transaction is safe to run again: it skips what an interrupted run of it already wrote.
 */
export const DEMO_STEPS = {
  region: '机关、公开目录与公开信息',
  'reconsideration-bodies': '各机关的行政复议机关',
  'report-data': '依申请公开案件与年度报告',
  attachments: '规范性文件的 PDF 附件',
  'standard-directory': '标准目录',
  proposals: '建议提案',
  consultations: '意见征集',
  'notice-consultations': '征求意见公告的意见征集',
  'search-log': '检索记录',
} as const;
export type DemoStep = keyof typeof DEMO_STEPS;

async function markDemoStep(db: Executor, step: DemoStep, at: string): Promise<void> {
  await db.insertInto('demo_steps').values({ step, done_at: at }).onConflict((oc) => oc.column('step').doNothing()).execute();
}

/** The steps of a demo begun on this database and not finished, in order; none where no demo was begun (or it is complete). */
export async function unfinishedDemoSteps(deps: Pick<AppDeps, 'db'>): Promise<DemoStep[]> {
  const done = new Set((await deps.db.selectFrom('demo_steps').select('step').execute()).map((r) => r.step));
  if (!done.has('region')) return [];
  return (Object.keys(DEMO_STEPS) as DemoStep[]).filter((s) => !done.has(s));
}

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Loads the demo region (organs, catalogs, several years of published items) in one transaction:
 * all of it or nothing. Items get their 索引号 from each organ's pattern in publish-date order,
 * exactly as publishing would have given them, and the serial counters are left where they end.
 */
export async function seedDemo(deps: AppDeps): Promise<{ organs: number; nodes: number; publications: number }> {
  const organs = demoOrgans();
  const nodes = demoCatalog();
  const publications = demoPublications();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('organs').select('code').where('code', 'in', organs.map((o) => o.code)).execute();
    if (existing.length > 0) {
      throw new DomainError('ERR_SEED_DEMO_EXISTS', `演示数据已存在（机关代码 ${existing.map((e) => e.code).join('、')}），未做任何改动`, { httpStatus: 409 });
    }
    const at = deps.clock.now().toISOString();
    const organIds = new Map<string, number>();
    for (const [i, o] of organs.entries()) {
      const row = await trx
        .insertInto('organs')
        .values({
          code: o.code, name: o.name, short_name: o.shortName, kind: o.kind, parent_id: o.parentKey ? organIds.get(o.parentKey)! : null,
          credit_code: o.creditCode, index_pattern: o.indexPattern, consult_phone: o.consultPhone, address: o.address, office_hours: o.officeHours,
          guide_html: sanitizeRichText(o.guideHtml), rules_html: sanitizeRichText(o.rulesHtml), sort_order: i, created_at: at, updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      organIds.set(o.key, row.id);
    }

    // Whose site it is: the header and footer of every portal page (issue 15).
    const identityRow = (v: Partial<typeof DEMO_SITE_IDENTITY>) => ({
      site_name: v.siteName ?? '', host_unit: v.hostUnit ?? '', operator_unit: v.operatorUnit ?? '', address: v.address ?? '', phone: v.phone ?? '',
      icp_number: v.icpNumber ?? '', police_number: v.policeNumber ?? '', site_code: v.siteCode ?? '', error_report_url: v.errorReportUrl ?? '', updated_at: at,
    });
    await trx.insertInto('site_identity').values({ scope: 'site', ...identityRow(DEMO_SITE_IDENTITY) }).execute();
    await trx.insertInto('site_identity').values({ scope: `organ:${organIds.get(ORGAN_KEYS.housing)!}`, ...identityRow(DEMO_HOUSING_IDENTITY) }).execute();

    const nodeIds = new Map<string, number>();
    for (const n of nodes) {
      const row = await trx
        .insertInto('catalog_nodes')
        .values({
          organ_id: organIds.get(n.organKey)!, parent_id: n.parentKey ? nodeIds.get(n.parentKey)! : null, name: n.name, sort_order: n.sortOrder,
          is_standard_directory: n.isStandardDirectory ? 1 : 0, standard_area: n.standardArea, description: '', created_at: at, updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      nodeIds.set(n.key, row.id);
    }

    // Serials in publish order per organ and period, as the publish use case allocates them.
    const organByKey = new Map(organs.map((o) => [o.key, o]));
    const ordered = [...publications].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.key.localeCompare(b.key));
    const lastSerial = new Map<string, number>();
    const indexOf = new Map<string, string>();
    for (const p of ordered) {
      const organ = organByKey.get(p.organKey)!;
      const k = serialScope(organ.indexPattern, organ.creditCode, p.publishedOn);
      const serial = (lastSerial.get(k) ?? 0) + 1;
      lastSerial.set(k, serial);
      indexOf.set(p.key, formatIndexNumber(organ.indexPattern, { creditCode: organ.creditCode, publishedOn: p.publishedOn, serial }));
    }

    // An item whose 信息来源 is a unit of its organ (县住建局城市建设股) was submitted by that unit (报送单位), as a
    // submission through 信息报送 records it, so the unit's page and feed list what it sent.
    const unitIdBySource = new Map(organs.filter((o) => o.kind === 'unit' && o.parentKey).map((u) => {
      const parent = organByKey.get(u.parentKey!)!;
      return [`${parent.key}\u0000${parent.shortName}${u.shortName}`, organIds.get(u.key)!] as const;
    }));
    const submittingUnitOf = (p: (typeof publications)[number]) => unitIdBySource.get(`${p.organKey}\u0000${p.source}`) ?? null;

    // 条例第二十六条: record which items went out later than 20 working days after formation.
    const calendar = WorkingDayCalendar.withBuiltinYears();
    const dueOf = (formedOn: string) => proactiveDeadline(formedOn, calendar).dueOn;
    for (const part of chunks(ordered)) {
      await trx
        .insertInto('publications')
        .values(
          part.map((p) => ({
            organ_id: organIds.get(p.organKey)!, index_number: indexOf.get(p.key)!, title: p.title, document_number: p.documentNumber,
            publishing_organ_name: organByKey.get(p.organKey)!.name, formed_on: p.formedOn, published_on: p.publishedOn,
            published_at: `${p.publishedOn}T01:30:00.000Z`, subject: p.subject, genre: p.genre, stage: p.stage, disclosure_mode: 'proactive',
            withheld_reason: null, disclosure_period: 'long_term', audience: 'public', validity: p.validity, replaced_by_id: null,
            // An expired document ends on the last day of its 有效期: the date table 二 counts it in force until.
            repealed_on: p.expiredOn,
            // Every demo 已失效 ended with its 有效期: lapsed by date, so a later date would make it 有效 again (migration 069).
            lapsed_by_date: p.validity === 'expired' && p.expiredOn !== null && p.expiredOn === p.validThroughOn ? 1 : 0,
            // 有效期至 as the text states it (ADR 0027); a 有效 one already past it lapses at the first run of the expire-lapsed job.
            valid_through_on: p.validThroughOn ?? null,
            keywords: p.keywords.join(' '), summary: p.summary, body_html: sanitizeRichText(p.bodyHtml), source: p.source, consult_phone: p.consultPhone,
            doc_type: p.docType, status: 'published', publish_route: 'system_import', published_by: null, created_by: null,
            created_at: `${p.formedOn}T01:00:00.000Z`, updated_at: `${p.publishedOn}T01:30:00.000Z`, version: 1, view_count: 0,
            proactive_due_on: dueOf(p.formedOn), published_late: p.publishedOn > dueOf(p.formedOn) ? 1 : 0,
            // 政策解读 published with their policies (谁起草谁解读): text interpretations linked below.
            item_kind: p.interpretsKey ? 'interpretation' : 'document', interpretation_form: p.interpretsKey ? 'text' : null,
            submitting_unit_id: submittingUnitOf(p),
          })),
        )
        .execute();
    }
    const idRows = await trx.selectFrom('publications').select(['id', 'index_number']).where('organ_id', 'in', [...organIds.values()]).execute();
    const idByIndex = new Map(idRows.map((r) => [r.index_number, r.id]));
    const idOf = (key: string) => idByIndex.get(indexOf.get(key)!)!;

    const placements = ordered.flatMap((p) => [...new Set(p.nodeKeys)].map((k) => ({ publication_id: idOf(p.key), node_id: nodeIds.get(k)! })));
    for (const part of chunks(placements, 1000)) await trx.insertInto('publication_placements').values(part).execute();
    for (const p of ordered.filter((x) => x.replacedByKey)) {
      await trx.updateTable('publications').set({ replaced_by_id: idOf(p.replacedByKey!) }).where('id', '=', idOf(p.key)).execute();
    }
    // Each 已修改 document names the decision that amended it (关于修改《…》的决定), as 标记已修改 records it (ADR 0026), on
    // the decision's publication day: its page says 本文件已被《…》修改 with the link, the decision's 本文件修改了《…》.
    const amendments = ordered.filter((p) => p.amendsKey).map((p) => ({ amended_id: idOf(p.amendsKey!), amending_id: idOf(p.key), recorded_on: p.publishedOn, recorded_by: null }));
    if (amendments.length) await trx.insertInto('publication_amendments').values(amendments).execute();
    // Each 政策解读 names the policy it explains, so the two pages link each other from the first start.
    const links = ordered.filter((p) => p.interpretsKey).map((p) => ({ interpretation_id: idOf(p.key), policy_id: idOf(p.interpretsKey!), created_at: at }));
    for (const part of chunks(links, 1000)) await trx.insertInto('policy_interpretations').values(part).execute();
    for (const [scope, serial] of lastSerial) await trx.insertInto('index_serials').values({ scope, last_serial: serial }).execute();
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: null, actorLabel: '系统：演示数据', action: 'demo.seed', entityType: 'region', entityId: organs[0].code,
      organId: organIds.get(organs[0].key)!, before: null, after: { organs: organs.length, nodes: nodes.length, publications: publications.length },
    });
    await markDemoStep(trx, 'region', at);
    return { organs: organs.length, nodes: nodes.length, publications: publications.length };
  });
}

/**
 * The whole demo region: organs, catalogs and items, then the applications and appeals behind the
 * 住建局's 2020 annual report (one application, one reconsideration upheld, one lawsuit dismissed), and
 * the 住建局's 建议提案 of 2025 and 2026, and its 意见征集 (one open, one closed with its 意见采纳情况).
 */
export async function seedDemoRegion(deps: AppDeps) {
  const catalog = await seedDemo(deps);
  return { ...catalog, ...(await completeDemoRegion(deps)) };
}

/**
 * The region's steps after seedDemo not done yet (all of them right after it; after a first start that stopped midway,
 * the rest), each marked done as it ends. Counts what each step run now wrote.
 */
export async function completeDemoRegion(deps: AppDeps) {
  const done = new Set((await deps.db.selectFrom('demo_steps').select('step').execute()).map((r) => r.step));
  const step = async <T>(name: DemoStep, none: T, run: () => Promise<T>): Promise<T> => {
    if (done.has(name)) return none;
    const r = await run();
    await markDemoStep(deps.db, name, deps.clock.now().toISOString());
    return r;
  };
  // Every demo organ names its reconsideration body, as its administrator would before the first reply.
  await step('reconsideration-bodies', null, async () => {
    for (const r of demoReconsiderationBodies()) {
      const organ = await findOrganByCode(deps.db, r.organCode);
      if (organ) await saveApplicationSettings(deps, systemActor('演示数据'), organ.id, { reconsiderationBody: r.body, reconsiderationAddress: r.address, reconsiderationOnline: r.online });
    }
    return null;
  });
  const cases = await step('report-data', { applications: 0, appeals: 0, reports: 0 }, () => seedDemoReportData(deps, demoReportRecords()));
  const attachments = await step('attachments', 0, () => attachDemoDocuments(deps));
  // One transaction with its mark (seedDemoStandardDirectory).
  const standardDirectory = done.has('standard-directory') ? { matters: 0, items: 0 } : await seedDemoStandardDirectory(deps);
  // The 住建局's 人大代表建议 and 政协提案, as many as its 办理情况 items state, with replies and published results.
  const { proposals } = await step('proposals', { proposals: 0 }, () => seedDemoProposals(deps, demoProposals(demoPublications())));
  const consultations = await step('consultations', 0, () => seedDemoConsultations(deps));
  const noticeConsultations = await step('notice-consultations', 0, () => seedDemoNoticeConsultations(deps));
  return { ...cases, attachments, proposals, consultations, noticeConsultations, standardDirectoryMatters: standardDirectory.matters, itemsNamingMatters: standardDirectory.items };
}

/** How far back the demo's search log goes: the 检索统计 page's 90-day view is full, its 30 and 7 days too. */
const SEARCH_LOG_DAYS = 90;

/**
 * The demo's search log (src/demo/search-log.ts), so an officer trying the demo finds 检索统计 at work rather than
 * empty (a term shows only once 3 readers searched it): each search of the last SEARCH_LOG_DAYS days, up to the seed's
 * day, is run against the search index (built first: call this after `reindex`) and counted by the portal's own
 * SearchTermCounter at that day's clock, as the search page counts it — the terms as it logs them, the 无结果 ones
 * those the demo's items really do not answer, readers told apart for their day only.
 */
export async function seedDemoSearchLog(deps: AppDeps): Promise<{ searches: number; terms: number }> {
  const today = chinaDateOf(deps.clock.now());
  const days = Array.from({ length: SEARCH_LOG_DAYS }, (_, i) => addDays(today, i - SEARCH_LOG_DAYS + 1));
  const log = demoSearchLog(days);
  const clock = fixedClock(deps.clock.now());
  const counter = new SearchTermCounter({ db: deps.db, logger: deps.logger, clock }, 3_600_000);
  const organIds = new Map<string, number>();
  const totals = new Map<string, { query: ParsedQuery; total: number }>();
  for (const s of log) {
    if (s.scopeOrganKey && !organIds.has(s.scopeOrganKey)) organIds.set(s.scopeOrganKey, (await findOrganByCode(deps.db, s.scopeOrganKey))!.id);
    const scopeOrganId = s.scopeOrganKey ? organIds.get(s.scopeOrganKey)! : null;
    const key = `${scopeOrganId ?? 0} ${s.q}`;
    let found = totals.get(key);
    if (!found) {
      found = await searchAsCounted(deps, s.q, scopeOrganId);
      totals.set(key, found);
    }
    // During the day (10:00 China time), a reader apart from the others of that day.
    clock.set(`${s.on}T02:00:00.000Z`);
    counter.count(found.query, scopeOrganId, found.total, { address: `10.${(s.visitor >> 8) & 255}.${s.visitor & 255}.${days.indexOf(s.on) + 1}`, userAgent: 'Mozilla/5.0 (演示数据)' });
  }
  // A failed write is logged by the counter; the log is then not loaded (no line says it was), and the next start runs
  // this step again (DEMO_STEPS) — its counts are dropped here, not left to a retry an hour later beside that run.
  if (!(await counter.writeOnce())) {
    throw new DomainError('ERR_DEMO_SEARCH_LOG_NOT_WRITTEN', '演示检索记录未能写入数据库（原因见上方的错误日志），未载入；排除原因后再次启动时载入');
  }
  await markDemoStep(deps.db, 'search-log', deps.clock.now().toISOString());
  return { searches: log.length, terms: new Set(log.map((s) => s.q)).size };
}

/**
 * The 住建局's 意见征集 (src/demo/consultations.ts), through the back office's own use cases: an open one
 * from the seed's day, so a visitor can comment at once, and a closed one opened, commented on, moderated
 * and answered on the days its data gives (each step run at that day's clock, as it would have happened),
 * seeded only once its 意见采纳情况 day has come.
 */
export async function seedDemoConsultations(deps: AppDeps): Promise<number> {
  const actor = systemActor('演示数据');
  const on = (day: string): AppDeps => ({ ...deps, clock: fixedClock(`${day}T02:00:00.000Z`) });
  const today = chinaDateOf(deps.clock.now());
  const codeOf = new Map(demoOrgans().map((o) => [o.key, o.code]));
  let seeded = 0;
  for (const d of demoConsultations()) {
    const organ = (await findOrganByCode(deps.db, codeOf.get(d.organKey)!))!;
    // Opened by a run of this step that stopped later: not opened twice.
    if (await demoConsultationId(deps.db, organ.id, d.title)) continue;
    const text = { title: d.title, body: d.body, howToComment: d.howToComment };
    if (d.schedule.kind === 'open') {
      await openConsultation(deps, actor, organ.id, { ...text, startOn: today, endOn: addDays(today, d.schedule.days) });
    } else {
      const s = d.schedule;
      if (s.feedback.on > today) continue;
      const c = await openConsultation(on(s.startOn), actor, organ.id, { ...text, startOn: s.startOn, endOn: s.endOn });
      for (const m of s.comments) {
        const { commentId } = await submitComment(on(m.on), c.id, { authorName: m.authorName, content: m.content });
        await moderateComment(on(m.approvedOn), actor, commentId, 'approve');
      }
      await publishFeedback(on(s.feedback.on), actor, c.id, { received: s.feedback.received, adopted: s.feedback.adopted, notAdopted: s.feedback.notAdopted });
    }
    seeded += 1;
  }
  return seeded;
}

/**
 * The 征求意见 notices still open on the seed's day (关于公开征求《…（征求意见稿）》意见的公告, DemoPublication.commentsUntil)
 * tell readers to comment online in the organ's 意见征集: each gets its 意见征集 there, opened through the back
 * office's use case on the notice's day for the notice's window, with the notice's text. The platform has no
 * relation between an item and a consultation, so the two link each other by address: the consultation's
 * 意见反馈方式 names the notice's page (linked on the consultation page), and the notice's link to the organ's
 * 意见征集 is narrowed to this consultation.
 */
export async function seedDemoNoticeConsultations(deps: AppDeps): Promise<number> {
  const actor = systemActor('演示数据');
  const today = chinaDateOf(deps.clock.now());
  let seeded = 0;
  for (const n of demoPublications().filter((p) => p.commentsUntil && p.publishedOn <= today && today <= p.commentsUntil)) {
    const organ = (await findOrganByCode(deps.db, n.organKey))!;
    const item = await deps.db.selectFrom('publications').select(['id', 'body_html']).where('organ_id', '=', organ.id)
      .where('title', '=', n.title).where('published_on', '=', n.publishedOn).where('status', '=', 'published').executeTakeFirst();
    if (!item) continue;
    const itemAddress = itemPath(organ.code, item.id);
    // Opened by a run of this step that stopped before narrowing the notice's link: not opened twice.
    const consultationId = (await demoConsultationId(deps.db, organ.id, n.title)) ?? (await openConsultation({ ...deps, clock: fixedClock(`${n.publishedOn}T02:00:00.000Z`) }, actor, organ.id, {
      title: n.title,
      body: htmlToText(item.body_html),
      howToComment: [
        '一、在本页“发表意见”栏提交。',
        `二、信函、电话等其他方式见公告原文：${itemAddress}`,
      ].join('\n'),
      startOn: n.publishedOn, endOn: n.commentsUntil!,
    })).id;
    const list = `href="/organs/${organ.code}/consultations"`;
    await deps.db.updateTable('publications').set({ body_html: item.body_html.replaceAll(list, `href="/organs/${organ.code}/consultations/${consultationId}"`) }).where('id', '=', item.id).execute();
    seeded += 1;
  }
  return seeded;
}

async function demoConsultationId(db: Executor, organId: number, title: string): Promise<number | null> {
  return (await db.selectFrom('consultations').select('id').where('organ_id', '=', organId).where('title', '=', title).executeTakeFirst())?.id ?? null;
}

/**
 * The 住建局's 保障性住房 standard directory (docs/standard-directories.md): the template imported as an
 * administrator would, in one transaction with the items that fulfil its 事项 naming them and placed in
 * their 事项's node as well.
 */
async function seedDemoStandardDirectory(deps: AppDeps): Promise<{ matters: number; items: number }> {
  const spec = DEMO_STANDARD_DIRECTORY;
  const template = findDirectoryTemplate(spec.templateId);
  return deps.db.transaction().execute(async (trx) => {
    const organ = (await findOrganByCode(trx, spec.organCode))!;
    const nodes = await listCatalogNodes(trx, organ.id);
    const byPath = (names: readonly string[]) => nodes.find((n) => pathTo(nodes, n.id).map((x) => x.name).join('/') === names.join('/'))!;
    const at = deps.clock.now().toISOString();
    await applyTemplate(trx, organ.id, template, byPath(spec.underPath).id, at);
    const matters = await listDirectoryMatters(trx, organ.id);
    const items = await trx
      .selectFrom('publications as p')
      .innerJoin('publication_placements as pp', 'pp.publication_id', 'p.id')
      .select(['p.id', 'p.title'])
      .where('pp.node_id', '=', byPath(spec.fromPath).id)
      .where('p.status', '=', 'published')
      .orderBy('p.id')
      .execute();
    let named = 0;
    for (const rule of spec.itemMatters) {
      const matter = matters.find((m) => m.key === rule.key)!;
      const ids = items.filter((i) => rule.title.test(i.title)).map((i) => i.id);
      if (ids.length === 0) continue;
      await trx.updateTable('publications').set({ directory_matter_id: matter.id }).where('id', 'in', ids).execute();
      await trx.insertInto('publication_placements').values(ids.map((id) => ({ publication_id: id, node_id: matter.nodeId }))).execute();
      named += ids.length;
    }
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: null, actorLabel: '系统：演示数据', action: 'catalog.standard_directory_import', entityType: 'organ', entityId: organ.code,
      organId: organ.id, before: null, after: { template: template.id, matters: matters.length, items: named },
    });
    await markDemoStep(trx, 'standard-directory', at);
    return { matters: matters.length, items: named };
  });
}

/**
 * The annual reports the demo catalog publishes, as the reports area records them: the decisions its
 * items list as the entered 行政许可 and 行政处罚 figures, and the item's own text sections.
 */
export function demoReportRecords(): DemoReportRecord[] {
  const codeOf = new Map(demoOrgans().map((o) => [o.key, o.code]));
  return demoAnnualReports().map((r) => ({
    organCode: codeOf.get(r.organKey)!, year: r.year, publishedOn: r.publishedOn,
    entered: { 行政许可: r.stats.permits, 行政处罚: r.stats.penalties },
    sections: annualReportSections(r.organName, r.year, r.stats),
  }));
}

/**
 * The 规范性文件 of the demo 住建局 carry their text as a PDF attachment, as real ones do, so the
 * portal shows attachments with type and size from the first start.
 */
async function attachDemoDocuments(deps: AppDeps): Promise<number> {
  const rows = await deps.db
    .selectFrom('publications as p')
    .innerJoin('organs as o', 'o.id', 'p.organ_id')
    .select(['p.id', 'p.title', 'p.document_number', 'p.body_html', 'p.published_on', 'o.name as organ_name'])
    .where('o.code', '=', 'qlx-zjj')
    .where('p.doc_type', '=', 'normative_document')
    // One attached by a run of this step that stopped later is not attached twice.
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('attachments as a').select('a.id').whereRef('a.publication_id', '=', 'p.id'))))
    .orderBy('p.id')
    .execute();
  for (const r of rows) {
    const paragraphs = htmlToText(r.body_html).split('\n').map((t) => t.trim()).filter(Boolean);
    const pdf = await renderDocumentPdf({
      title: r.title,
      blocks: [
        { kind: 'title', text: r.title },
        ...(r.document_number ? [{ kind: 'subtitle' as const, text: r.document_number }] : []),
        ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text, indent: true })),
        { kind: 'signature', lines: [r.organ_name, r.published_on ?? ''] },
      ],
    });
    const fileName = `${r.title.replace(/[\\/:*?"<>|]/g, '')}.pdf`;
    const storageKey = `demo/${randomUUID()}.pdf`;
    const target = attachmentPath(deps.dataDir, storageKey);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, pdf);
    await deps.db.insertInto('attachments').values({
      publication_id: r.id, file_name: fileName, mime_type: 'application/pdf', size_bytes: pdf.length, storage_key: storageKey,
      sha256: createHash('sha256').update(pdf).digest('hex'), created_at: deps.clock.now().toISOString(),
    }).execute();
  }
  return rows.length;
}
