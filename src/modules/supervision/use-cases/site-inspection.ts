import fs from 'node:fs/promises';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { attachmentPath, organChain, type Organ } from '../../catalog/index.ts';
import { htmlToText } from '../../review/index.ts';
import { CADENCE_LABELS } from '../domain/cadence.ts';
import { classifyLink, extractLinks, type LinkTarget } from '../domain/links.ts';
import type { Verdict } from '../domain/verdict.ts';
import { findWordingErrors } from '../domain/wording.ts';
import { freshLinkResults, internalTargets, listWordingRules, publishedItemsForInspection, saveLinkResults } from '../storage/inspection-repository.ts';
import { linkChecker, type HttpCheckOptions, type LinkResult } from './http-link-checker.ts';
import { nodeCadences } from './node-cadences.ts';
import { supervisionDashboard, type OrganSupervision } from './supervision-dashboard.ts';

/** External link results are reused for a day (docs/rules/website-inspection.md). */
export const LINK_CACHE_HOURS = 24;
/** Items read per statement while inspecting an organ: memory and parameters stay bounded whatever the organ's size. */
const ITEMS_PER_READ = 200;

export type FindingKind =
  | 'stale_node' | 'empty_node' | 'pending_review' | 'published_late' | 'applications_overdue' | 'letters_overdue' | 'letters_past_three_months'
  | 'broken_link' | 'broken_attachment' | 'wording_error' | 'undated_item' | 'missing_matter';

/** One thing to fix: what, why, who must fix it and where. */
export type Finding = { kind: FindingKind; title: string; detail: string; responsible: string; href: string };

export type InspectedOrgan = { code: string; name: string; verdict: Verdict; findings: Finding[] };
export type InspectionResult = {
  inspectedAt: string;
  inspectedOn: string;
  vetoed: boolean;
  /** False when the run left external links out (`inspect --offline`); internal links and attachments are always checked. */
  externalLinksChecked: boolean;
  organs: InspectedOrgan[];
};

export type InspectOptions = {
  checkExternal?: boolean;
  http?: HttpCheckOptions;
  /** The platform's public address (GONGKAI_PUBLIC_URL): absolute links to it are internal. */
  publicOrigin?: string | null;
  /** How many external links wait to be checked together (default 5,000): more lets more hosts be asked in parallel, fewer holds less. */
  externalLinksPerCheck?: number;
  /** Aborted when the server stops: the inspection ends between two pages of items, throwing the signal's reason. */
  signal?: AbortSignal;
  /** Hears how far the run has got after each page of items: organs finished, items read (the run's lease records it). */
  onProgress?: (p: { organsDone: number; itemsRead: number }) => void;
};

/** The findings of the live supervision figures (columns, review, publication limit, applications, letters). */
export function supervisionFindings(s: OrganSupervision): Finding[] {
  const { organ } = s;
  const who = (u: { name: string } | null) => u?.name ?? `${organ.name}（政务公开办公室）`;
  const out: Finding[] = [];
  for (const n of s.staleNodes) {
    const f = n.freshness;
    out.push({ kind: 'stale_node', title: n.node.name, detail: f.state === 'stale' ? `${CADENCE_LABELS[n.cadence]}更新，更新期限 ${f.dueOn}（含当日），逾期 ${f.daysLate} 天` : '', responsible: who(n.responsibleUnit), href: `/admin/organs/${organ.code}/supervision/nodes#node-${n.node.id}` });
  }
  // A required 事项 of a standard directory with no published item (docs/standard-directories.md).
  for (const m of s.matters.missing) {
    out.push({ kind: 'missing_matter', title: m.name, detail: `标准目录事项尚无已发布信息（${m.nodePath.join(' › ')}；公开时限：${m.timeLimit}）`, responsible: who(m.responsible), href: `/admin/organs/${organ.code}/supervision/matters#matter-${m.id}` });
  }
  for (const n of s.emptyNodes) out.push({ kind: 'empty_node', title: n.node.name, detail: '空白栏目', responsible: who(n.responsibleUnit), href: `/admin/organs/${organ.code}/supervision/nodes#node-${n.node.id}` });
  for (const p of s.pendingReviews) out.push({ kind: 'pending_review', title: p.title, detail: p.stageName ? `待“${p.stageName}”` : p.waiting, responsible: p.stageName ?? `${organ.name}（发布人）`, href: `/admin/publications/${p.id}` });
  for (const p of s.latePublished) out.push({ kind: 'published_late', title: p.title, detail: `成文 ${p.formedOn}，应最迟于 ${p.dueOn ?? '—'}（含当日）发布，${p.publishedOn ?? '—'} 发布`, responsible: p.unitName ?? organ.name, href: `/admin/publications/${p.id}` });
  const counted: [FindingKind, number, string, string][] = [
    ['applications_overdue', s.applications.overdue, '依申请公开已逾期', `/admin/applications?organ=${organ.code}&view=overdue`],
    ['letters_overdue', s.letters.overdue, '留言已逾期', `/admin/letters?organ=${organ.code}&view=overdue`],
    ['letters_past_three_months', s.letters.pastThreeMonths, '留言超过 3 个月未答复', `/admin/letters?organ=${organ.code}&view=past_three_months`],
  ];
  for (const [kind, n, title, href] of counted) if (n > 0) out.push({ kind, title, detail: `${n} 件`, responsible: organ.name, href });
  return out;
}

type ItemLink = { organId: number; seq: number; itemId: number; itemTitle: string; responsible: string; url: string; text: string; target: LinkTarget };

/** Why an internal link does not lead to a page, or null when it does. */
function internalProblem(t: LinkTarget, found: Awaited<ReturnType<typeof internalTargets>>, fileProblems: Map<number, string | null>): string | null {
  switch (t.kind) {
    case 'item': {
      const i = found.items.get(t.id);
      if (!i || i.organCode !== t.organCode) return '链接的信息不存在';
      if (i.status === 'withdrawn') return '链接的信息已撤回';
      return i.status === 'published' ? null : '链接的信息尚未发布';
    }
    case 'attachment': {
      const a = found.attachments.get(t.id);
      if (!a) return '链接的附件不存在';
      if (a.status !== 'published') return '链接的附件所属信息未发布或已撤回';
      return fileProblems.get(t.id) ?? null;
    }
    case 'node': return found.nodes.get(t.id) === t.organCode ? null : '链接的栏目不存在';
    case 'organ_page': return found.organCodes.has(t.organCode) ? null : '链接的机关不存在';
    case 'malformed': return t.reason;
    default: return null;
  }
}

async function fileProblem(deps: AppDeps, storageKey: string, sizeBytes: number): Promise<string | null> {
  try {
    const st = await fs.stat(attachmentPath(deps.dataDir, storageKey));
    return st.size === sizeBytes ? null : `附件文件大小不符（应为 ${sizeBytes} 字节，实为 ${st.size} 字节）`;
  } catch {
    return '附件文件缺失';
  }
}

/** External links wait to be checked together (hosts in parallel) until this many are pending, so a site's links are never all held at once. */
const EXTERNAL_LINKS_PER_CHECK = 5_000;

const brokenLink = (l: ItemLink, problem: string): Finding & { seq: number } => ({
  seq: l.seq, kind: 'broken_link', title: l.itemTitle, detail: `链接“${l.text || l.url}”（${l.url}）：${problem}`, responsible: l.responsible, href: `/admin/publications/${l.itemId}`,
});

/**
 * The broken-link findings of a site, found as the items are read: internal links are resolved
 * against the platform's own data a page of items at a time (never fetched); external ones are
 * gathered until `EXTERNAL_LINKS_PER_CHECK` are pending, then answered from the day's cache or over
 * HTTP. Only the findings and each external address's result are kept, whatever the site's size.
 */
function linkInspector(deps: AppDeps, opts: InspectOptions, now: Date) {
  const checkExternal = opts.checkExternal ?? true;
  const since = new Date(now.getTime() - LINK_CACHE_HOURS * 3600_000).toISOString();
  const external = new Map<string, LinkResult>();
  // One checker for the run: an address (a redirect's target too) is asked once, whichever batch meets it.
  const checker = linkChecker({ ...opts.http, signal: opts.signal });
  const broken = new Map<number, (Finding & { seq: number })[]>();
  let pending: ItemLink[] = [];
  const add = (organId: number, f: Finding & { seq: number }) => {
    const list = broken.get(organId);
    if (list) list.push(f);
    else broken.set(organId, [f]);
  };

  const checkPending = async () => {
    const links = pending;
    pending = [];
    const urls = [...new Set(links.map((l) => (l.target as { url: string }).url))].filter((u) => !external.has(u));
    const cached = await freshLinkResults(deps.db, urls, since);
    const fresh = await checker.check(urls.filter((u) => !cached.has(u)));
    await saveLinkResults(deps.db, fresh, now.toISOString());
    for (const [u, r] of [...cached, ...fresh]) external.set(u, r);
    for (const l of links) {
      const r = external.get((l.target as { url: string }).url);
      if (r && !r.ok) add(l.organId, brokenLink(l, r.problem ?? '无法访问'));
    }
  };

  return {
    /** One page of items' links: the internal ones resolved now, the external ones queued. */
    async page(links: ItemLink[]) {
      const internal = links.filter((l) => l.target.kind !== 'external');
      if (internal.length > 0) {
        const want = { itemIds: new Set<number>(), attachmentIds: new Set<number>(), nodeIds: new Set<number>(), organCodes: new Set<string>() };
        for (const { target } of internal) {
          if (target.kind === 'item') want.itemIds.add(target.id);
          if (target.kind === 'attachment') want.attachmentIds.add(target.id);
          if (target.kind === 'node') want.nodeIds.add(target.id);
          if (target.kind === 'organ_page' || target.kind === 'item' || target.kind === 'node') want.organCodes.add(target.organCode);
        }
        const found = await internalTargets(deps.db, { itemIds: [...want.itemIds], attachmentIds: [...want.attachmentIds], nodeIds: [...want.nodeIds], organCodes: [...want.organCodes] });
        const fileProblems = new Map<number, string | null>();
        for (const [id, a] of found.attachments) fileProblems.set(id, await fileProblem(deps, a.storageKey, a.sizeBytes));
        for (const l of internal) {
          const problem = internalProblem(l.target, found, fileProblems);
          if (problem) add(l.organId, brokenLink(l, problem));
        }
      }
      if (checkExternal) pending.push(...links.filter((l) => l.target.kind === 'external'));
      if (pending.length >= (opts.externalLinksPerCheck ?? EXTERNAL_LINKS_PER_CHECK)) await checkPending();
    },
    /** Checks what is still pending; then each organ's broken links in the order they stand in its items. */
    async finish(): Promise<Map<number, Finding[]>> {
      if (pending.length > 0) await checkPending();
      return new Map([...broken].map(([organId, fs]) => [organId, fs.sort((a, b) => a.seq - b.seq).map(({ seq: _, ...f }) => f)]));
    },
  };
}

/**
 * The whole site inspection of docs/rules/website-inspection.md for each organ: the live supervision
 * figures plus broken links (internal links and attachments against our own data; external links
 * over HTTP, reusing results younger than a day), serious wording errors and items without a publish
 * date, each finding naming who must fix it (the responsible unit of the item's column), and the verdict.
 * The items are read a page at a time and only findings are kept, so memory does not grow with the site.
 */
export async function inspectSite(deps: AppDeps, organs: Organ[], allOrgans: Organ[], opts: InspectOptions = {}): Promise<InspectionResult> {
  const now = deps.clock.now();
  const checkExternal = opts.checkExternal ?? true;
  const nameOf = new Map(allOrgans.map((o) => [o.id, o.name]));
  const perOrgan = new Map<number, { attachments: Finding[]; wording: Finding[]; undated: Finding[]; wordingItems: number }>();
  const links = linkInspector(deps, opts, now);
  let itemsRead = 0;

  for (const [organsDone, organ] of organs.entries()) {
    const [chain, nodes] = await Promise.all([organChain(deps.db, organ.id), nodeCadences(deps.db, organ.id, now)]);
    // Rules of the organ and of the governments above it (a county's leader names hold for its departments).
    const rules = await listWordingRules(deps.db, chain);
    const unitOfNode = new Map(nodes.map((n) => [n.node.id, n.responsibleUnit?.name ?? null]));
    const acc = { attachments: [] as Finding[], wording: [] as Finding[], undated: [] as Finding[], wordingItems: 0 };
    let seq = 0;
    // The organ's items a page at a time, so a large organ is never held in memory at once; before
    // each page the event loop gets a turn, so the server answers while it inspects (on SQLite every
    // statement completes at once, and an inspection of 1,000,000 items would otherwise hold the
    // process for minutes — the nightly job runs at each day's first start).
    for (let afterId = 0; ;) {
      await new Promise((resolve) => setImmediate(resolve));
      opts.signal?.throwIfAborted();
      const items = await publishedItemsForInspection(deps.db, organ.id, afterId, ITEMS_PER_READ);
      if (items.length === 0) break;
      afterId = items[items.length - 1].id;
      itemsRead += items.length;
      const pageLinks: ItemLink[] = [];
      for (const item of items) {
        const responsible = item.nodeIds.map((id) => unitOfNode.get(id)).find((u) => u) ?? (item.submittingUnitId ? nameOf.get(item.submittingUnitId) : undefined) ?? `${organ.name}（政务公开办公室）`;
        const href = `/admin/publications/${item.id}`;
        if (!item.publishedOn) acc.undated.push({ kind: 'undated_item', title: item.title, detail: '已发布但没有发布日期（首页和栏目按无更新计）', responsible, href });
        const matches = rules.length === 0 ? [] : findWordingErrors(item.title, htmlToText(item.bodyHtml), rules);
        if (matches.length > 0) acc.wordingItems++;
        for (const m of matches) {
          acc.wording.push({ kind: 'wording_error', title: item.title, detail: `${m.where === 'title' ? '标题' : '正文'}中“${m.wrongPhrase}”${m.count > 1 ? ` ${m.count} 处` : ''}应为“${m.correctPhrase}”：${m.context}`, responsible, href });
        }
        for (const a of item.attachments) {
          const problem = await fileProblem(deps, a.storageKey, a.sizeBytes);
          if (problem) acc.attachments.push({ kind: 'broken_attachment', title: item.title, detail: `附件“${a.fileName}”：${problem}`, responsible, href });
        }
        for (const l of extractLinks(item.bodyHtml)) {
          const target = classifyLink(l.url, opts.publicOrigin ?? null);
          if (target.kind === 'skip' || target.kind === 'site_page' || target.kind === 'unknown_internal') continue;
          pageLinks.push({ organId: organ.id, seq: seq++, itemId: item.id, itemTitle: item.title, responsible, url: l.url, text: l.text, target });
        }
      }
      await links.page(pageLinks);
      opts.onProgress?.({ organsDone, itemsRead });
    }
    perOrgan.set(organ.id, acc);
    opts.onProgress?.({ organsDone: organsDone + 1, itemsRead });
  }
  opts.signal?.throwIfAborted();
  const brokenLinks = await links.finish();
  opts.signal?.throwIfAborted();

  const extra = new Map<number, { seriousWordingErrors: number; brokenLinks: number | null }>();
  const linkFindings = new Map<number, Finding[]>();
  for (const organ of organs) {
    const acc = perOrgan.get(organ.id)!;
    const broken = [...acc.attachments, ...(brokenLinks.get(organ.id) ?? [])];
    linkFindings.set(organ.id, broken);
    extra.set(organ.id, { seriousWordingErrors: acc.wordingItems, brokenLinks: broken.length });
  }

  const rows = await supervisionDashboard(deps, organs, allOrgans, extra);
  const result: InspectionResult = {
    inspectedAt: now.toISOString(),
    inspectedOn: chinaDateOf(now),
    vetoed: rows.some((r) => r.verdict.vetoed),
    externalLinksChecked: checkExternal,
    organs: rows.map((s) => {
      const acc = perOrgan.get(s.organ.id)!;
      return { code: s.organ.code, name: s.organ.name, verdict: s.verdict, findings: [...acc.wording, ...supervisionFindings(s), ...linkFindings.get(s.organ.id)!, ...acc.undated] };
    }),
  };
  return result;
}
