import { APPEAL_COLUMNS, APPEAL_GROUPS, APPEAL_RESULTS, ROW_CARRIED_OUT, TOTAL_COLUMN, sectionOf } from './report-format.ts';
import { quotesOf, say, type ProseLabels } from './quoted-figures.ts';
import type { ReportFigures, ReportSections } from './report-types.ts';

/** Text staff must still write; a report containing it cannot be published. */
export const PLACEHOLDER = '【待补充';

/**
 * The 建议提案 an organ received in the year, counted by the interaction area (its
 * `proposalYearFigures`); null when it recorded none, and the topic is left for staff to write.
 */
export type ProposalFigures = { suggestions: number; proposals: number; lead: number; co: number; replied: number; published: number; withheld: number };

type DraftInput = { organName: string; year: number; figures: ReportFigures; labels: ProseLabels; proposals?: ProposalFigures | null };

const list = (parts: string[]) => parts.join('、');
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一是…；二是… for several points, the point alone for one. */
const enumerate = (points: string[]) => (points.length === 1 ? points[0] : points.map((p, i) => `${ORDINALS[i]}是${p}`).join('；'));

function sectionOne({ organName, year, figures: f, labels }: DraftInput): string {
  const q = quotesOf(f, labels);
  const covers = sectionOf('一').covers ?? [];
  const parts: string[] = [];
  parts.push(`全年${say(q.published)}，其中${list(q.stages.map(say))}。`);

  if (q.received.value === 0 && q.carriedIn.value === 0) parts.push('本年未收到政府信息公开申请，也无上年结转的申请。');
  else {
    const closedBy = q.families.filter((x) => x.value > 0).map(say);
    parts.push(
      `本年${say(q.received)}，其中${list(q.byApplicant.map(say))}；${say(q.carriedIn)}。` +
        `${say(q.closed)}${closedBy.length ? `，其中${list(closedBy)}` : ''}；${say(q.carriedOut)}。`,
    );
  }

  const docs = q.documents.filter((d, i) => i === q.documents.length - 1 || d.issued.value + d.repealed.value + d.inForce.value > 0);
  parts.push(docs.map((d) => `本年${say(d.issued)}、${say(d.repealed)}，截至${year}年12月31日${say(d.inForce)}。`).join('') || '本年未制发规范性文件。');

  parts.push(`本机关通过政府信息公开平台集中发布主动公开信息，截至${year}年底，政府信息公开目录累计公开信息${f.catalogTotal}条。`);

  const { reconsideration, litigation } = q.appeals;
  if (reconsideration.value + litigation.value === 0) parts.push('本年度未发生因政府信息公开引起的行政复议、行政诉讼。');
  else {
    const results = APPEAL_GROUPS.map((g) => {
      const shown = APPEAL_RESULTS.filter((c) => f.appeals[g.key][c] > 0).map((c) => `${APPEAL_COLUMNS.find((x) => x.key === c)!.label}${f.appeals[g.key][c]}件`);
      return f.appeals[g.key][TOTAL_COLUMN] > 0 ? `${g.label.replace(' · ', '（') + (g.label.includes(' · ') ? '）' : '')}${list(shown)}` : null;
    }).filter(Boolean);
    parts.push(`本年度因政府信息公开被申请${say(reconsideration)}、被提起${say(litigation)}；其中${results.join('，')}。`);
  }

  const intro = `${year}年，${organName}依照《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，做好政府信息公开各项工作。现将本年度有关情况报告如下。`;
  return [intro, ...parts.map((p, i) => `（${ORDINALS[i]}）${covers[i] ?? ''}。${p}`)].join('\n');
}

function sectionFive({ figures: f, labels }: DraftInput): string {
  const problems: string[] = [];
  const measures: string[] = [];
  const carriedOut = f.applications[ROW_CARRIED_OUT][TOTAL_COLUMN];
  if (carriedOut > 0) {
    problems.push(`部分申请跨年度办理，结转下年度继续办理${carriedOut}件`);
    measures.push('加强申请办理进度跟踪，对临近答复期限的申请逐件督办，确保在法定期限内答复');
  }
  const corrected = APPEAL_GROUPS.reduce((s, g) => s + (f.appeals[g.key].corrected ?? 0), 0);
  if (corrected > 0) {
    problems.push(`行政复议、行政诉讼中结果被纠正${corrected}件，答复的规范性有待提高`);
    measures.push('对被纠正的案件逐件复盘，规范答复书的法律依据和救济途径告知');
  }
  const missing = Object.entries(labels.stageLabels).filter(([k]) => (f.stages[k] ?? 0) === 0).map(([, l]) => l);
  if (missing.length) {
    problems.push(`本年未发布${list(missing)}信息`);
    measures.push(`对照“五公开”要求梳理${list(missing)}事项，及时补齐公开内容`);
  }
  measures.push('持续做好政策解读和公开内容更新，提升政府信息公开质量');
  const found = problems.length
    ? `存在的主要问题：${enumerate(problems)}。`
    : '从本年度统计数据看，未发现申请跨年度办理、复议诉讼结果被纠正或“五公开”类别缺项等问题。';
  return `${found}\n改进情况：${enumerate(measures)}。`;
}

/** 人大代表建议和政协提案办理结果公开情况, from the records (docs/workflows/proposals.md, "Annual report"). */
function proposalsSentence(year: number, p: ProposalFigures): string {
  const withheld = p.withheld > 0 ? `，经审查不予公开${p.withheld}件` : '';
  return `本年度承办人大代表建议${p.suggestions}件、政协提案${p.proposals}件，其中主办${p.lead}件、协办${p.co}件；` +
    `截至${year}年12月31日已答复${p.replied}件，公开办理结果${p.published}件${withheld}。`;
}

function sectionSix({ year, figures: f, proposals }: DraftInput): string {
  const usual = (sectionOf('六').usually ?? []).filter((x) => !x.includes('信息处理费') && x !== '其他' && !(proposals && x.includes('人大代表建议')));
  const fees = f.processingFeesYuan > 0 ? `本年度收取信息处理费${f.processingFeesYuan}元。` : '本年度未收取信息处理费。';
  const known = proposals ? `${fees}\n${proposalsSentence(year, proposals)}` : fees;
  return usual.length ? `${known}\n${PLACEHOLDER}：${usual.join('；')}。】` : known;
}

/** Sections 一、五、六 drafted from the figures, in plain official Chinese, for staff to edit. */
export function draftSections(input: DraftInput): ReportSections {
  return { 一: sectionOne(input), 五: sectionFive(input), 六: sectionSix(input) };
}
