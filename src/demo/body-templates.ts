import type { Rng } from './prng.ts';
import { chineseDate } from './demo-calendar.ts';
import { chineseNumber } from './word-banks.ts';

/**
 * Building blocks of item bodies: the fixed shapes of official Chinese writing (通知, 方案, 办法, 解读,
 * 公示, 会议新闻 …). Callers pass the facts; these functions only arrange them. Output is plain
 * <p> paragraphs, <strong> for headings and, where useful, one simple <table>.
 */

/** "确保…" without doubling a goal that already starts with 确保. */
export function ensure(goal: string): string {
  return goal.startsWith('确保') ? goal : `确保${goal}`;
}

export const p = (text: string) => `<p>${text}</p>`;

/**
 * 根据…等有关规定: a list of laws closed by 等有关规定, or by nothing more when its last part says 规定 already
 * (学生资助资金管理的有关规定, not …的有关规定等有关规定 — an outside tester read that in the demo's snippets).
 */
export function basisOf(basis: string[], joiner: string): string {
  const text = basis.join(joiner);
  return /规定$/.test(text) ? text : `${text}等有关规定`;
}
export const heading = (text: string) => `<p><strong>${text}</strong></p>`;

export function table(headers: string[], rows: (string | number)[][]): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

/**
 * The 落款: the issuing organ and, on the line below, the date, both set right as GB/T 9704-2012 (7.3.5) places
 * them and as the editor writes a right-aligned line (the `right` class, ADR 0017) — never an indented body paragraph.
 */
export const signature = (signer: string, on: string) => `<p class="right">${signer}</p><p class="right">${chineseDate(on)}</p>`;

/** 一、二、三… */
export const cnIndex = (i: number) => `${chineseNumber(i + 1)}、`;
/** （一）（二）… */
export const cnParenIndex = (i: number) => `（${chineseNumber(i + 1)}）`;

/** A heading run into its paragraph, as official documents often set short sections. */
export const section = (head: string, text: string) => `<p><strong>${head}</strong>${text}</p>`;

const REQUIREMENTS = [
  ['加强组织领导', '各单位要高度重视，主要负责人亲自抓、负总责，明确专人具体负责，确保各项任务落到实处。'],
  ['强化督查问效', '工作开展情况纳入年度目标考核，定期督查通报，对推进不力、问题整改不到位的单位予以通报批评。'],
  ['注重宣传引导', '充分利用政府网站、政务新媒体和公示栏等渠道宣传政策要求，营造全社会共同参与的良好氛围。'],
  ['严守工作纪律', '工作中严格落实中央八项规定精神，坚决杜绝形式主义、官僚主义，切实减轻基层负担。'],
  ['加强协调配合', '各相关单位要按照职责分工，密切协作、形成合力，共同研究解决工作中遇到的问题。'],
] as const;

/** 2–3 standard 工作要求, the last asking for reports by a given day, as one run of text. */
export function requirements(rng: Rng, reportTo: string | null): string {
  const chosen = rng.sample(REQUIREMENTS, rng.int(2, 3));
  const out = chosen.map(([head, text], i) => `${cnParenIndex(i)}${head}。${text}`);
  if (reportTo) {
    const day = rng.pick([20, 25, 28]);
    out.push(`${cnParenIndex(chosen.length)}按时报送信息。请各单位于每月${day}日前将工作进展情况报送${reportTo}，遇有重要情况随时报告。`);
  }
  return out.join('');
}

/** （一）…。（二）…。 */
const numbered = (items: string[]) => items.map((m, i) => `${cnParenIndex(i)}${m.replace(/[。；]$/, '')}。`).join('');

export type NoticeFacts = {
  addressee: string;
  purpose: string;
  basis: string[];
  /** What the notice decides, after 决定: 在全县范围内开展…. */
  decision: string;
  goals: string[];
  measures: string[];
  timeline?: string[];
  reportTo: string | null;
  signer: string;
  signedOn: string;
};

export function noticeBody(rng: Rng, f: NoticeFacts): string {
  const parts = [
    p(`${f.addressee}：`),
    p(`为${f.purpose}，根据${basisOf(f.basis, '和')}，经研究，决定${f.decision}。现将有关事项通知如下：`),
    section('一、工作目标。', `${f.goals.join('；')}。`),
    section('二、主要任务。', numbered(f.measures)),
  ];
  let next = 2;
  if (f.timeline?.length) parts.push(section(`${cnIndex(next++)}时间安排。`, numbered(f.timeline)));
  parts.push(section(`${cnIndex(next)}工作要求。`, requirements(rng, f.reportTo)), signature(f.signer, f.signedOn));
  return parts.join('\n');
}

export type PlanFacts = {
  intro: string;
  guideline: string;
  goals: string[];
  measures: string[];
  table?: { caption: string; headers: string[]; rows: (string | number)[][] };
  /** null when the plan is an attachment to a notice that is signed already. */
  signer: string | null;
  signedOn: string;
};

export function planBody(rng: Rng, f: PlanFacts): string {
  const parts = [
    p(f.intro),
    section('一、指导思想。', f.guideline),
    section('二、目标任务。', `${f.goals.join('；')}。${f.table ? f.table.caption : ''}`),
  ];
  if (f.table) parts.push(table(f.table.headers, f.table.rows));
  parts.push(section('三、主要措施。', numbered(f.measures)), section('四、保障措施。', requirements(rng, null)));
  if (f.signer) parts.push(signature(f.signer, f.signedOn));
  return parts.join('\n');
}

export type NormativeFacts = {
  docName: string;
  purpose: string;
  basis: string[];
  scope: string;
  department: string;
  articles: string[];
  effectiveOn: string;
  validYears: number;
};

/** A 规范性文件 written as numbered articles (第一条 …). */
export function normativeBody(f: NormativeFacts): string {
  const articles = [
    `为${f.purpose}，根据${basisOf(f.basis, '、')}，结合本县实际，制定本${f.docName}。`,
    `${f.scope}适用本${f.docName}。`,
    `${f.department}负责本${f.docName}的组织实施，各乡镇人民政府（街道办事处）和县直有关部门按照各自职责做好相关工作。`,
    ...f.articles.map((a) => `${a}。`),
    `违反本${f.docName}规定的，由有关部门依照法律、法规的规定处理；构成犯罪的，依法追究刑事责任。`,
    `本${f.docName}自${chineseDate(f.effectiveOn)}起施行，有效期${chineseNumber(f.validYears)}年。`,
  ];
  return articles.map((a, i) => p(`第${chineseNumber(i + 1)}条　${a}`)).join('\n');
}

/**
 * A 修改决定 (关于修改《…》的决定): what it changes in the amended document, article by article, when it takes effect, and
 * that the amended text is published again. The amended document's 文号 comes through the {{被修改文号}} token.
 */
export function amendingDecisionBody(f: { amendedBook: string; purpose: string; meeting: string; changes: string[]; effectiveOn: string; signer: string; signedOn: string }): string {
  return [
    p(`为${f.purpose}，经${f.meeting}研究，决定对${f.amendedBook}（{{被修改文号}}）作如下修改：`),
    ...f.changes.map((c, i) => p(`${chineseNumber(i + 1)}、${c}。`)),
    p(`本决定自${chineseDate(f.effectiveOn)}起施行。${f.amendedBook}根据本决定作相应修改，条文顺序作相应调整，重新公布。`),
    signature(f.signer, f.signedOn),
  ].join('\n');
}

export type InterpretationFacts = {
  policyTitle: string;
  background: string;
  basis: string[];
  goals: string[];
  mainPoints: string[];
  changes?: string;
  effective: string;
  contactUnit: string;
  phone: string;
  /** How the drafter calls itself: 我局, 县政府办公室 …. */
  drafter: string;
};

/** 政策解读: background, basis, objectives, main content, what changed, and who explains it. */
export function interpretationBody(f: InterpretationFacts): string {
  const ordinal = ['一是', '二是', '三是', '四是', '五是', '六是'];
  const parts = [
    section('一、起草背景。', `为${f.background}，${f.drafter}在深入调研、广泛征求意见的基础上，起草了${f.policyTitle}（{{相关文号}}）。`),
    section('二、主要依据。', `${f.basis.join('；')}。`),
    section('三、目标任务。', `${f.goals.join('；')}。`),
    section('四、主要内容。', `文件共明确了${chineseNumber(f.mainPoints.length)}个方面的重点内容：${f.mainPoints.map((m, i) => `${ordinal[i] ?? ''}${m.replace(/[。；]$/, '')}`).join('；')}。`),
  ];
  if (f.changes) parts.push(section('五、新旧政策差异。', f.changes));
  parts.push(
    section(f.changes ? '六、实施时间。' : '五、实施时间。', f.effective),
    section(f.changes ? '七、解读机关及联系方式。' : '六、解读机关及联系方式。', `解读机关：${f.contactUnit}；联系电话：${f.phone}。`),
  );
  return parts.join('\n');
}

export type NewsFacts = {
  lead: string;
  points: string[];
  demands: string[];
  /** Who made the demands: 会议要求 at a meeting, 调研组要求 on a visit … */
  demandsBy?: string;
  closing: string;
};

/** 工作动态 / 推进会 news: lead, what was reported, what was required, next steps. */
export function newsBody(f: NewsFacts): string {
  return [
    p(f.lead),
    ...f.points.map((x) => p(x)),
    ...(f.demands.length ? [p(`${f.demandsBy ?? '会议要求'}，${f.demands.join('；')}。`)] : []),
    p(f.closing),
  ].join('\n');
}

export type PublicityFacts = {
  intro: string;
  table?: { headers: string[]; rows: (string | number)[][] };
  extra?: string[];
  /** Days the notice stays up; null for a plain 公告 without an objection period. */
  periodDays: number | null;
  contact: string;
  phone: string;
  signer: string;
  signedOn: string;
};

export function publicityBody(f: PublicityFacts): string {
  const parts = [p(f.intro)];
  if (f.table) parts.push(table(f.table.headers, f.table.rows));
  for (const x of f.extra ?? []) parts.push(p(x));
  if (f.periodDays !== null) {
    parts.push(p(`公示期为${chineseNumber(f.periodDays)}个工作日。公示期间，如对公示内容有异议，请以书面形式向${f.contact}反映，反映情况须实事求是，并提供联系方式以便核实。`));
  }
  parts.push(p(`联系电话：${f.phone}。`), signature(f.signer, f.signedOn));
  return parts.join('\n');
}

export type GuideFacts = {
  item: string;
  basis: string[];
  conditions: string[];
  materials: string[];
  steps: string[];
  timeLimit: string;
  fee: string;
  place: string;
  phone: string;
};

/** 办事指南: the sections every service guide carries, one paragraph each. */
export function serviceGuideBody(f: GuideFacts): string {
  const list = (items: string[]) => items.map((x, i) => `${i + 1}.${x}`).join('；');
  return [
    section('一、事项名称：', f.item),
    section('二、设定依据：', `${f.basis.join('；')}。`),
    section('三、申请条件：', `${list(f.conditions)}。`),
    section('四、申请材料：', `${list(f.materials)}。`),
    section('五、办理流程：', f.steps.join('→')),
    section('六、办理时限：', f.timeLimit),
    section('七、收费标准：', f.fee),
    section('八、办理地点及咨询方式：', `办理地点：${f.place}；咨询电话：${f.phone}。`),
  ].join('\n');
}
