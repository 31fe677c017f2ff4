import { addDays, chineseDate, workdayOnOrAfter } from './demo-calendar.ts';
import { HOUSING_NAME } from './housing-common.ts';
import { housingUnit, organPhone } from './organs.ts';
import { HOUSING_UNIT_KEYS, ORGAN_KEYS } from './organ-keys.ts';
import { Rng } from './prng.ts';
import type { DemoPublication } from './types.ts';
import { anonymousPerson, congressSessions, ESTATES, OLD_COMPOUNDS, PUBLIC_HOUSING, ROADS, RURAL_TOWNSHIPS, SURNAMES } from './word-banks.ts';

/**
 * One 人大代表建议 or 政协提案 the demo 住建局 handled: as registered, its reply, the deputy's 满意度 and
 * whether the result was published. Dates are the days things happened; the seed records only what
 * had happened by the clock's day.
 */
export type DemoProposal = {
  organCode: string;
  kind: 'suggestion' | 'proposal';
  number: string;
  title: string;
  submitters: string;
  session: string;
  year: number;
  receivedOn: string;
  role: 'lead' | 'co';
  partnerOrgans: string;
  reply: { text: string; repliedOn: string; result: 'solved' | 'planned' | 'reference'; satisfaction: 'satisfied' | null } | null;
  /** The day the result was published, or why it is not (with the day that was decided). */
  disclosure: { publishedOn: string } | { withheldOn: string; reason: string } | null;
};

/** Subjects a deputy or member raises with the 住建局, each from the county's own places. */
const SUBJECTS: ((rng: Rng) => string)[] = [
  (r) => `关于加快${r.pick(OLD_COMPOUNDS)}老旧小区改造`,
  (r) => `关于支持${r.pick(ESTATES)}既有住宅加装电梯`,
  (r) => `关于解决${r.pick(ROADS)}雨季积水问题`,
  (r) => `关于加强${r.pick(ESTATES)}物业服务管理`,
  (r) => `关于推进${r.pick(RURAL_TOWNSHIPS)}农村危房改造`,
  (r) => `关于完善${r.pick(PUBLIC_HOUSING)}配套设施`,
  (r) => `关于加快${r.pick(RURAL_TOWNSHIPS)}污水管网建设`,
  (r) => `关于推进${r.pick(ROADS)}道路改造提升`,
  () => '关于加强建筑工地扬尘污染治理',
  () => '关于增加城区公共停车泊位',
  () => '关于规范住宅专项维修资金使用',
  () => '关于加强农村自建房安全管理',
  () => '关于加快城区背街小巷整治',
  () => '关于推进城镇燃气管道老化更新改造',
  () => '关于加大公共租赁住房保障力度',
];

const ANSWERS: Record<'solved' | 'planned' | 'reference', string> = {
  solved: '我局高度重视，收到后即组织相关股室实地查看，会同属地乡镇（街道）和有关部门研究制定整改方案，落实责任和完成时限。截至目前，所提问题已基本解决。下一步，我局将加强日常巡查，巩固整改成果。',
  planned: '我局已将所提事项列入下一年度工作计划，目前正在开展前期调查和方案设计，资金落实后将按计划组织实施。实施过程中，我们将及时向您通报进展，欢迎继续提出意见。',
  reference: '经研究，所提事项涉及规划调整和资金来源等因素，目前暂不具备实施条件。我局将把您的意见作为今后工作的重要参考，在编制相关规划和年度计划时统筹考虑。',
};
const RESULTS: ('solved' | 'planned' | 'reference')[] = ['solved', 'solved', 'solved', 'planned', 'planned', 'reference'];
const PARTNERS = ['县自然资源和规划局', '县财政局', '县城市管理局', '县生态环境分局'];

/** How many 建议 and 提案 the 住建局's 办理情况 item of a year says it handled, read from its text. */
function statedCounts(items: DemoPublication[], year: number): { suggestions: number; proposals: number; on: string } | null {
  const item = items.find((p) => p.organKey === ORGAN_KEYS.housing && p.title.endsWith(`${year}年人大代表建议和政协提案办理情况`));
  const m = item ? /承办县人大代表建议(\d+)件、县政协委员提案(\d+)件/.exec(item.bodyHtml) : null;
  return item && m ? { suggestions: Number(m[1]), proposals: Number(m[2]), on: item.publishedOn } : null;
}

function replyText(p: { kind: DemoProposal['kind']; title: string; submitters: string }, result: keyof typeof ANSWERS, on: string): string {
  return [
    `${p.submitters}${p.kind === 'suggestion' ? '代表' : '委员'}：`,
    `您提出的《${p.title}》收悉，现答复如下：`,
    ANSWERS[result],
    '感谢您对住房和城乡建设工作的关心和支持。',
    `联系单位：${housingUnit(HOUSING_UNIT_KEYS.office).source}，联系电话：${organPhone(ORGAN_KEYS.housing)}`,
    HOUSING_NAME,
    chineseDate(on),
  ].join('\n');
}

/**
 * The 住建局's 建议提案 of 2025 and 2026: as many of each kind as its published 办理情况 item of the
 * year states, received after the 两会, all replied before that item (so its 已全部按期办结 and 满意率100%
 * hold), most results published, at most one a year withheld; and two assigned after the 2026 item, one still
 * being handled and one replied and waiting for the publication decision.
 */
export function demoProposals(items: DemoPublication[]): DemoProposal[] {
  const out: DemoProposal[] = [];
  for (const year of [2025, 2026]) {
    const stated = statedCounts(items, year);
    if (!stated) continue;
    const rng = new Rng(`${ORGAN_KEYS.housing}/proposals/${year}`);
    const sessions = congressSessions(year);
    const titles = new Set<string>();
    let withheld = false;
    for (const kind of ['suggestion', 'proposal'] as const) {
      const count = kind === 'suggestion' ? stated.suggestions : stated.proposals;
      const numbers = rng.sample(Array.from({ length: 240 }, (_, i) => i + 1), count).sort((a, b) => a - b);
      for (const n of numbers) {
        let title = '';
        do title = `${rng.pick(SUBJECTS)(rng)}的${kind === 'suggestion' ? '建议' : '提案'}`; while (titles.has(title));
        titles.add(title);
        const submitters = rng.chance(0.25) ? rng.sample(SURNAMES, 2).map(anonymousPerson).join('、') : anonymousPerson(rng.pick(SURNAMES));
        const receivedOn = workdayOnOrAfter(`${year}-03-${String(rng.int(9, 20)).padStart(2, '0')}`);
        const repliedOn = workdayOnOrAfter(addDays(receivedOn, rng.int(35, 80)));
        const result = rng.pick(RESULTS);
        const role = rng.chance(0.2) ? 'co' : 'lead';
        const disclosure = !withheld && result === 'reference' && kind === 'proposal'
          ? { withheldOn: workdayOnOrAfter(addDays(repliedOn, 5)), reason: '复文涉及相关企业尚未公开的经营信息，公开可能损害其合法权益' }
          : { publishedOn: workdayOnOrAfter(addDays(repliedOn, rng.int(3, 20))) };
        if ('withheldOn' in disclosure) withheld = true;
        const p = {
          organCode: ORGAN_KEYS.housing, kind, number: `第${String(n).padStart(4, '0')}号`, title, submitters, session: kind === 'suggestion' ? sessions.npc : sessions.cppcc,
          year, receivedOn, role, partnerOrgans: role === 'co' ? rng.pick(PARTNERS) : rng.chance(0.3) ? rng.pick(PARTNERS) : '',
        } as const;
        out.push({ ...p, reply: { text: replyText(p, result, repliedOn), repliedOn, result, satisfaction: 'satisfied' }, disclosure });
      }
    }
    if (year === 2026) {
      // Assigned after the year's 办理情况 went out: one still being handled, one replied and not yet decided.
      const base = { organCode: ORGAN_KEYS.housing, kind: 'suggestion', session: sessions.npc, year, partnerOrgans: '' } as const;
      const later = { ...base, number: '第0245号', title: '关于加快城区老旧小区雨污分流改造的建议', submitters: anonymousPerson('周'), receivedOn: '2026-11-03', role: 'lead' as const };
      out.push({ ...later, reply: { text: replyText(later, 'planned', '2026-11-25'), repliedOn: '2026-11-25', result: 'planned', satisfaction: null }, disclosure: null });
      out.push({
        ...base, number: '第0251号', title: '关于完善农村生活垃圾收运设施的建议', submitters: anonymousPerson('孙'), receivedOn: '2026-11-16', role: 'co',
        partnerOrgans: '县城市管理局', reply: null, disclosure: null,
      });
    }
  }
  return out;
}
