import type { Draft, YearContext } from './item-kind.ts';
import type { DisclosureStage } from './types.ts';
import { iso, lastDayOfMonth } from './demo-calendar.ts';

/** Small helpers shared by the item kinds of every organ. */

/** A publishing date inside months m1..m2 (1-based, may exceed 12 to reach into the next year). */
export function inMonths(ctx: YearContext, m1: number, m2: number): string | null {
  const from = monthStart(ctx.year, m1);
  const to = monthEnd(ctx.year, m2);
  return ctx.pickDate(from, to);
}

export function anyDay(ctx: YearContext): string | null {
  return ctx.pickDate(ctx.firstDay, ctx.lastDay);
}

function norm(year: number, m: number): [number, number] {
  const y = year + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return [y, mm];
}

export function monthStart(year: number, m: number): string {
  const [y, mm] = norm(year, m);
  return iso(y, mm, 1);
}

export function monthEnd(year: number, m: number): string {
  const [y, mm] = norm(year, m);
  return iso(y, mm, lastDayOfMonth(y, mm));
}

/**
 * The twelve reporting months whose report is published in `year`: December of the year before,
 * then January to November. Each comes with the window (first half of the next month) to publish it.
 */
export function reportMonths(year: number): { y: number; m: number; from: string; to: string }[] {
  const out = [];
  for (let k = 0; k < 12; k++) {
    const [y, m] = norm(year, k);
    out.push({ y, m, from: monthStart(year, k + 1), to: iso(...norm(year, k + 1), 15) });
  }
  return out;
}

/** The four quarters reported in `year`: Q4 of last year (in January), then Q1–Q3. */
export function reportQuarters(year: number): { y: number; q: number; from: string; to: string }[] {
  return [
    { y: year - 1, q: 4, from: iso(year, 1, 1), to: iso(year, 1, 25) },
    { y: year, q: 1, from: iso(year, 4, 1), to: iso(year, 4, 25) },
    { y: year, q: 2, from: iso(year, 7, 1), to: iso(year, 7, 25) },
    { y: year, q: 3, from: iso(year, 10, 8), to: iso(year, 10, 30) },
  ];
}

export type ItemSpec = {
  title: string;
  nodes: string[];
  stage: DisclosureStage;
  genre: string;
  subject: string;
  keywords: string[];
  summary: string;
  source: string;
  consultPhone: string | null;
  publishedOn: string;
  formed: 'same' | 'quick' | 'document';
  /** The body, given the 成文日期 so the signature can show it. */
  body: (formedOn: string) => string;
  numbering?: Draft['numbering'];
  docType?: Draft['docType'];
};

export function draft(ctx: YearContext, s: ItemSpec): Draft {
  const formedOn = ctx.formedFor(s.publishedOn, s.formed);
  return {
    title: s.title,
    nodePaths: s.nodes,
    stage: s.stage,
    genre: s.genre,
    subject: s.subject,
    keywords: [...new Set(s.keywords)].slice(0, 5),
    summary: s.summary,
    bodyHtml: s.body(formedOn),
    source: s.source,
    consultPhone: s.consultPhone,
    docType: s.docType ?? 'other',
    numbering: s.numbering ?? null,
    formedOn,
    publishedOn: s.publishedOn,
  };
}

/** Marks a draft whose title holds 第{{序}}批: numbered in publication order, at most `max` a year. */
export function seq(max: number, d: Draft): Draft {
  return { ...d, sequenceMax: max };
}

/**
 * Marks a 征求意见 notice open for comments until `until`. Its text links the organ's 意见征集 (`consultationsLink`);
 * the seed opens the notice's 意见征集 on the platform while the window lasts and points the link at it.
 */
export function openForComments(until: string, d: Draft): Draft {
  return { ...d, commentsUntil: until };
}

/** The 意见征集 of an organ as a 征求意见 notice links it (the seed narrows the address to the notice's own). */
export function consultationsLink(organKey: string, text: string): string {
  return `<a href="/organs/${organKey}/consultations">${text}</a>`;
}

/** `nodes` plus the topic's 重点领域 node, if it has one. */
export function withNode(nodes: string[], topic: { node: string }): string[] {
  return topic.node.startsWith('zdly/') && !nodes.includes(topic.node) ? [...nodes, topic.node] : nodes;
}

/** An amount in 万元 with two decimals, as tables of funds show it. */
export function wan(ctx: YearContext, min: number, max: number): string {
  return (ctx.rng.int(Math.round(min * 100), Math.round(max * 100)) / 100).toFixed(2);
}

/** A county's rules on a topic: 青岚县 + 物业服务和住宅专项维修资金管理 + 管理规定 without 管理管理 where the two meet. */
export function ruleName(county: string, topicName: string, kind: string): string {
  return `${county}${topicName.endsWith(kind.slice(0, 2)) ? topicName + kind.slice(2) : topicName + kind}`;
}

/** The names a county's draft rules on a topic may take. */
export function ruleNames(county: string, topicName: string): string[] {
  return ['实施办法', '管理规定', '工作规程'].map((kind) => ruleName(county, topicName, kind));
}
