import type { DemoPublication, DisclosureStage } from './types.ts';
import type { Draft, ItemKind, YearContext, YearStats } from './item-kind.ts';
import { STAGES, type OrganProfile } from './organ-profile.ts';
import { CATALOG_TAGS, nodeKey } from './catalog-tree.ts';
import { Rng } from './prng.ts';
import { chineseNumber } from './word-banks.ts';
import { catalogGenre } from './genres.ts';
import { addDays, iso, toTime, workdayOnOrAfter, workdayOnOrBefore, workdaysBefore } from './demo-calendar.ts';

/**
 * Turns organ profiles into publications: per organ and year, fill each 五公开 stage to its target with
 * recurring items first, then the kinds' random items (titles unique within the organ-year); then
 * number documents in date order, give keys in publication order, and link repealed documents to
 * their replacements across years.
 */

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2026;
/** The demo "today": nothing is published after it. */
export const LAST_PUBLISHED_ON = '2026-11-28';

const MAX_FAILURES_PER_KIND = 60;

function yearContext(organKey: string, year: number, rng: Rng, previous: YearStats | null): YearContext {
  const firstDay = iso(year, 1, 1);
  const lastDay = year === LAST_YEAR ? LAST_PUBLISHED_ON : iso(year, 12, 31);
  const firstWorkday = workdayOnOrAfter(firstDay);
  return {
    rng, year, organKey, firstDay, lastDay, previous,
    pickDate(from, to) {
      const lo = from > firstDay ? from : firstDay;
      const hi = to < lastDay ? to : lastDay;
      if (lo > hi) return null;
      const span = Math.round((toTime(hi) - toTime(lo)) / 86_400_000);
      let d = workdayOnOrAfter(addDays(lo, rng.int(0, span)));
      if (d > hi) d = workdayOnOrBefore(hi);
      return d < lo ? null : d;
    },
    formedFor(publishedOn, style) {
      if (style === 'same') return publishedOn;
      if (style === 'quick') {
        const late = rng.chance(0.012);
        const n = late ? rng.int(22, 30) : rng.weighted([[0, 35], [1, 30], [2, 15], [3, 10], [5, 6], [8, 4]] as const);
        return workdaysBefore(publishedOn, n);
      }
      // Signed documents keep their 成文日期 inside the year of their 文号.
      const n = rng.weighted([[1, 15], [2, 25], [3, 20], [5, 20], [8, 12], [12, 6], [16, 2]] as const);
      const formed = workdaysBefore(publishedOn, n);
      return formed < firstWorkday ? (firstWorkday < publishedOn ? firstWorkday : publishedOn) : formed;
    },
  };
}

function activeIn(kind: ItemKind, year: number): boolean {
  return (kind.fromYear ?? 0) <= year && year <= (kind.toYear ?? 9999);
}

/** Fills one stage of one organ-year. Throws if the kinds cannot supply enough distinct titles. */
function fillStage(
  ctx: YearContext,
  kinds: ItemKind[],
  target: number,
  titles: Set<string>,
  stage: DisclosureStage,
  label: string,
): Draft[] {
  const out: Draft[] = [];
  const batches = new Map<string, number>();
  const accept = (group: Draft[] | null): boolean => {
    if (!group || group.length === 0 || out.length + group.length > target) return false;
    const fresh = new Set<string>();
    for (const d of group) {
      if (d.sequenceMax !== undefined) {
        if ((batches.get(d.title) ?? 0) >= d.sequenceMax) return false;
        continue;
      }
      if (titles.has(d.title) || fresh.has(d.title)) return false;
      fresh.add(d.title);
    }
    for (const d of group) {
      if (d.sequenceMax !== undefined) batches.set(d.title, (batches.get(d.title) ?? 0) + 1);
      if (d.stage !== stage) throw new Error(`${label}: kind produced a ${d.stage} item in the ${stage} stage: ${d.title}`);
      titles.add(d.title);
      out.push(d);
    }
    return true;
  };

  for (const kind of kinds) for (const group of kind.recurring?.(ctx) ?? []) accept(group);

  for (const kind of kinds.filter((k) => k.share && k.make)) {
    const quota = Math.round(target * kind.share!);
    let made = 0;
    let failures = 0;
    while (made < quota && failures < MAX_FAILURES_PER_KIND) {
      const group = kind.make!(ctx);
      if (accept(group)) made += group!.length;
      else failures++;
    }
  }

  const pool = kinds.filter((k) => k.make && k.weight > 0);
  const failures = new Map<ItemKind, number>();
  while (out.length < target) {
    const open = pool.filter((k) => (failures.get(k) ?? 0) < MAX_FAILURES_PER_KIND);
    if (open.length === 0) throw new Error(`${label}: only ${out.length} of ${target} ${stage} items could be made`);
    const kind = ctx.rng.weighted(open.map((k) => [k, k.weight] as const));
    if (!accept(kind.make!(ctx))) failures.set(kind, (failures.get(kind) ?? 0) + 1);
  }
  return out;
}

type OrganYear = { publications: DemoPublication[]; drafts: Draft[]; stats: YearStats };

function formatNumber(prefix: string, year: number, n: number): string {
  return `${prefix}〔${year}〕${n}号`;
}

function generateOrganYear(profile: OrganProfile, year: number, previous: YearStats | null): OrganYear {
  const rng = new Rng(`${profile.organKey}/${year}`);
  const ctx = yearContext(profile.organKey, year, rng, previous);
  const targets = profile.targets(year, rng);
  const titles = new Set<string>();
  const drafts: Draft[] = [];
  for (const stage of STAGES) {
    const kinds = profile.kinds.filter((k) => k.stage === stage && activeIn(k, year));
    drafts.push(...fillStage(ctx, kinds, targets[stage], titles, stage, `${profile.organKey}/${year}`));
  }

  numberBatches(drafts);

  const numbers = new Map<Draft, string>();
  for (const series of ['regular', 'normative', 'office', 'penalty'] as const) {
    const numbered = drafts.filter((d) => d.numbering === series).sort((a, b) => cmp(a.formedOn, b.formedOn) || cmp(a.title, b.title));
    if (numbered.length === 0) continue;
    const prefix = profile.numberPrefix[series];
    if (numbered.length > 0 && !prefix) throw new Error(`${profile.organKey}: no ${series} document-number prefix`);
    const gaps = series === 'regular' || series === 'office';
    let n = gaps ? rng.int(0, 3) : 0;
    for (const d of numbered) {
      n += gaps ? rng.int(1, 5) : 1;
      numbers.set(d, formatNumber(prefix!, Number(d.formedOn.slice(0, 4)), n));
    }
  }

  // A 解读 comes right after its policy, so its 索引号 follows the policy's.
  const rank = (d: Draft) => (d.interprets ? 1 : 0);
  drafts.sort((a, b) => cmp(a.publishedOn, b.publishedOn) || cmp(a.formedOn, b.formedOn) || rank(a) - rank(b) || cmp(a.title, b.title));
  const tag = CATALOG_TAGS[profile.organKey];
  const keyOf = new Map(drafts.map((d, i) => [d, `${tag}/${year}/${String(i + 1).padStart(4, '0')}`]));
  const publications = drafts.map((d): DemoPublication => {
    const own = numbers.get(d) ?? null;
    const related = d.interprets ? numbers.get(d.interprets) ?? '' : '';
    return {
      key: keyOf.get(d)!,
      organKey: profile.organKey,
      nodeKeys: d.nodePaths.map((path) => nodeKey(profile.organKey, path)),
      title: d.title,
      documentNumber: own,
      formedOn: d.formedOn,
      publishedOn: d.publishedOn,
      stage: d.stage,
      genre: catalogGenre(d.genre),
      subject: d.subject,
      keywords: d.keywords,
      summary: d.summary,
      bodyHtml: d.bodyHtml.replaceAll('{{文号}}', own ?? '').replaceAll('{{相关文号}}', related),
      source: d.source,
      consultPhone: d.consultPhone,
      docType: d.docType,
      validity: d.validity ?? 'valid',
      expiredOn: null,
      replacedByKey: null,
      amendsKey: null,
      interpretsKey: d.interprets ? keyOf.get(d.interprets) ?? null : null,
      commentsUntil: d.commentsUntil ?? null,
    };
  });

  const normativeIds = new Set(drafts.filter((d) => d.planId).map((d) => d.planId!));
  const stats: YearStats = {
    year,
    total: drafts.length,
    normativeIssued: normativeIds.size,
    normativeRepealed: profile.normativePlan.filter((e) => e.replaces && normativeIds.has(e.id)).length,
    normativeInForce: 0, // counted across years by generateOrgan
    permits: drafts.reduce((s, d) => s + (d.permitCount ?? 0), 0),
    penalties: drafts.filter((d) => d.nodePaths.includes('xzcf/cfjg')).length,
    interpretations: drafts.filter((d) => d.interprets).length,
  };
  return { publications, drafts, stats };
}

/** 第{{序}}批 → 第一批, 第二批 … in publication order, per title. */
function numberBatches(drafts: Draft[]): void {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) if (d.sequenceMax !== undefined) groups.set(d.title, [...(groups.get(d.title) ?? []), d]);
  for (const group of groups.values()) {
    group.sort((a, b) => cmp(a.publishedOn, b.publishedOn) || cmp(a.formedOn, b.formedOn));
    group.forEach((d, i) => {
      const n = chineseNumber(i + 1);
      d.title = d.title.replaceAll('{{序}}', n);
      d.summary = d.summary.replaceAll('{{序}}', n);
      d.bodyHtml = d.bodyHtml.replaceAll('{{序}}', n);
    });
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One organ-year's 政府信息公开工作年度报告 as the demo catalog publishes it, and the year it reports on. */
export type DemoAnnualReport = { organKey: string; organName: string; year: number; publishedOn: string; stats: YearStats };

/** The last day of a planned document's 有效期: it takes effect 30 days after publication (see normativeBody). */
function expiryOf(publishedOn: string, validYears: number): string {
  const effective = addDays(publishedOn, 30);
  return addDays(`${Number(effective.slice(0, 4)) + validYears}${effective.slice(4)}`, -1);
}

/** Whether a planned document ends with its 有效期: 有效 and 已失效 do; 已修改 and 已废止 take precedence (ADR 0027). */
const lapses = (entry: { validity: string }) => entry.validity === 'valid' || entry.validity === 'expired';

/** All years of one organ, with repealed 规范性文件 pointing at their replacements. */
export function generateOrganPublications(profile: OrganProfile): DemoPublication[] {
  return generateOrgan(profile).publications;
}

/**
 * All years of one organ, and the annual reports among its items with the figures they state. A
 * document is in force on 31 December when it was formed by then and neither replaced by a document
 * formed by then nor past its 有效期 — the rule the platform counts table 二 by.
 */
export function generateOrgan(profile: OrganProfile): { publications: DemoPublication[]; reports: DemoAnnualReport[] } {
  const all: DemoPublication[] = [];
  const reports: DemoAnnualReport[] = [];
  const byPlanId = new Map<string, DemoPublication>();
  const planned = new Map(profile.normativePlan.map((e) => [e.id, e]));
  const replacedBy = new Map(profile.normativePlan.filter((e) => e.replaces).map((e) => [e.replaces!, e.id]));
  let previous: YearStats | null = null;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const { publications, drafts, stats } = generateOrganYear(profile, year, previous);
    drafts.forEach((d) => {
      if (!d.planId) return;
      const pub = publications.find((x) => x.title === d.title)!;
      byPlanId.set(d.planId, pub);
    });
    all.push(...publications);
    const end = `${year}-12-31`;
    stats.normativeInForce = [...byPlanId.entries()].filter(([id, pub]) => {
      if (pub.formedOn > end) return false;
      const replacement = replacedBy.has(id) ? byPlanId.get(replacedBy.get(id)!) : undefined;
      if (replacement && replacement.formedOn <= end) return false;
      const entry = planned.get(id)!;
      // A document the plan leaves 有效 or 已失效 ends with its 有效期 (ADR 0027: the platform lapses it the next day).
      return !(lapses(entry) && !replacedBy.has(id) && expiryOf(pub.publishedOn, entry.validYears) <= end);
    }).length;
    const report = publications.find((p) => p.title.endsWith(`${year - 1}年政府信息公开工作年度报告`));
    if (report && previous) {
      reports.push({ organKey: profile.organKey, organName: report.title.slice(0, -`${year - 1}年政府信息公开工作年度报告`.length), year: year - 1, publishedOn: report.publishedOn, stats: previous });
    }
    previous = stats;
  }
  for (const entry of profile.normativePlan) {
    const pub = byPlanId.get(entry.id);
    if (!pub) throw new Error(`planned normative document ${entry.id} was not generated`);
    pub.validity = entry.validity;
    // Its text says 自…起施行，有效期N年: the item carries that last day (ADR 0027), whatever its validity.
    pub.validThroughOn = expiryOf(pub.publishedOn, entry.validYears);
    // One the plan leaves 有效 whose period ended by the demo's last day has lapsed, as the platform would say.
    if (entry.validity === 'valid' && !replacedBy.has(entry.id) && pub.validThroughOn <= LAST_PUBLISHED_ON) pub.validity = 'expired';
    if (pub.validity === 'expired') pub.expiredOn = pub.validThroughOn;
    if (entry.amends) {
      // A 修改决定: its old document is 已修改 and names it (publication_amendments, seeded); the decision states no
      // 有效期 of its own (the amended document's holds), so it carries none.
      const old = byPlanId.get(entry.amends);
      if (!old || planned.get(entry.amends)!.validity !== 'amended') throw new Error(`${entry.id} amends ${entry.amends}, which is not a planned 已修改 document`);
      pub.amendsKey = old.key;
      pub.validThroughOn = null;
      pub.validity = 'valid';
      pub.expiredOn = null;
      pub.bodyHtml = pub.bodyHtml.replaceAll('{{被修改文号}}', old.documentNumber ?? '');
      continue;
    }
    if (entry.replaces) {
      const old = byPlanId.get(entry.replaces);
      if (!old) throw new Error(`${entry.id} replaces unknown ${entry.replaces}`);
      old.validity = 'repealed';
      old.expiredOn = null;
      old.replacedByKey = pub.key;
      pub.bodyHtml = pub.bodyHtml.replaceAll('{{被替代文号}}', old.documentNumber ?? '');
    }
  }
  // As real data would: a document the plan leaves 已修改 names the decision that amended it.
  for (const entry of profile.normativePlan.filter((e) => e.validity === 'amended')) {
    if (!profile.normativePlan.some((e) => e.amends === entry.id)) throw new Error(`${entry.id} is 已修改 but no planned decision amends it`);
  }
  for (const pub of all) {
    if (pub.expiredOn && pub.expiredOn > LAST_PUBLISHED_ON) throw new Error(`${pub.title} is marked expired but its 有效期 runs to ${pub.expiredOn}`);
  }
  return { publications: all, reports };
}
