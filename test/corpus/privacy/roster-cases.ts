import type { FindingType } from '../../../src/modules/privacy/domain/finding.ts';
import { extractText } from '../../../src/modules/privacy/extract/extract-text.ts';
import type { CorpusCase } from './corpus-case.ts';
import { buildDocx } from './factories/build-docx.ts';
import { buildPdf } from './factories/build-pdf.ts';
import { buildXlsx } from './factories/build-xlsx.ts';
import { locate, parseMarkup, type ExpectedSpan } from './markup.ts';

/**
 * 名单 tables of the kind a county 住建局 publishes (保障性住房 allocation, 棚改安置, 农村危房改造,
 * 公租房 rent subsidy), written by hand without the detectors in mind: names and numbers invented, the
 * numbers typed as residents give them. Most mobile numbers are in segments that are rarely seen, and 16
 * of the 38 are not on the allocation list of `mobile-segments.ts` at all (140, 141, 144, 154, 160, 161, 164 …):
 * under a 联系电话 / 手机 / 联系方式 column or after such a label it is still a mobile number (issue 9).
 * The negatives keep the precision: 11-digit numbers that begin with 1 under 订单号, 合同编号, 档案号 …
 */

const M = (m: string): string => `⟦mobile_phone|${m}⟧`;
const table = (rows: string[][]): string => rows.map((r) => r.join('\t')).join('\n');

type RosterCase = { source: CorpusCase['source']; build: () => Promise<{ text: string; expected: ExpectedSpan[] }> };
const marked = (source: CorpusCase['source'], text: string): RosterCase => ({ source, build: async () => parseMarkup(text) });

/** A document whose extracted text holds the planted mobile numbers in order. */
const extracted = (source: CorpusCase['source'], fileName: string, bytes: () => Promise<Uint8Array> | Uint8Array, mobiles: string[]): RosterCase => ({
  source,
  build: async () => {
    const { text } = await extractText(await bytes(), fileName);
    const planted: { type: FindingType; value: string }[] = mobiles.map((value) => ({ type: 'mobile_phone', value }));
    return { text, expected: locate(text, planted) };
  },
});

const PUBLIC_RENTAL_XLSX = [
  ['1', '周桂兰', '3', '14012567731'],
  ['2', '汪德胜', '2', '13956417702'],
  ['3', '储小燕', '4', '14156023318'],
  ['4', '程家宝', '1', '16056478820'],
  ['5', '余秀英', '2', '18755641196'],
  ['6', '胡立新', '3', '16456201147'],
] as const;

const RURAL_HOUSING_DOCX = [
  ['1', '佛子岭镇', '刘长河', '四类重点对象', '14456012230'],
  ['2', '佛子岭镇', '陶金凤', '低保户', '15156409918'],
  ['3', '下符桥镇', '杨开明', '分散供养特困人员', '16156437705'],
  ['4', '衡山镇', '方玉兰', '低保边缘家庭', '19256410083'],
  ['5', '衡山镇', '何春生', '因病因灾返贫户', '15456218834'],
] as const;

const RESETTLEMENT_PDF = [
  ['1', '江大海', '2号楼1单元301', '16556043312'],
  ['2', '金凤英', '2号楼2单元502', '14856271109'],
  ['3', '盛国平', '3号楼1单元1101', '13805649921'],
  ['4', '查永红', '5号楼3单元203', '14656300247'],
  ['5', '鲍世华', '5号楼1单元704', '17456102286'],
] as const;

export const ROSTER_CASES: RosterCase[] = [
  // 公租房 allocation result, as a .docx/.html table comes out (tab-separated): masked IDs, 联系电话 column.
  marked('table', table([
    ['霍山县2024年第二批公共租赁住房保障对象名单'],
    ['序号', '申请人', '身份证号码', '家庭人口', '保障方式', '联系电话'],
    ['1', '王守仁', '341525********2317', '3', '实物配租', M('14056231187')],
    ['2', '陈玉梅', '341525********0428', '2', '租赁补贴', M('13866418852')],
    ['3', '李德华', '341525********6613', '4', '实物配租', M('16256087730')],
    ['4', '张桂芳', '341525********3346', '1', '租赁补贴', M('19656402218')],
    ['5', '孙建国', '341525********1135', '2', '实物配租', M('14956330071')],
    ['6', '吴小兰', '341525********5520', '3', '实物配租', M('18956427764')],
    ['7', '赵家明', '341525********4417', '2', '租赁补贴', M('16656019923')],
    ['8', '黄春花', '341525********2628', '5', '实物配租', M('19756114408')],
    ['公示期：2024年6月3日至6月9日。监督电话：0564-5022345。'],
  ])),
  // 保障性住房 waiting list with 手机号码 written in groups, as staff type them into a Word table.
  marked('table', table([
    ['序号', '姓名', '轮候号', '手机号码', '备注'],
    ['1', '储先锋', 'LH-2024-031', M('141 5602 7713'), ''],
    ['2', '潘金兰', 'LH-2024-032', M('190-5641-2290'), '已审核'],
    ['3', '许长根', 'LH-2024-033', M('167 5640 3318'), ''],
    ['4', '彭小红', 'LH-2024-034', M('144 5608 1172'), '材料待补'],
  ])),
  // A 棚改 compensation list whose 联系方式 column holds a landline for some households.
  marked('table', table([
    ['序号', '被征收人', '房屋坐落', '补偿金额（元）', '联系方式'],
    ['1', '童国庆', '南门街12号', '683,200.00', M('16456018892')],
    ['2', '汪秀珍', '南门街14号', '512,760.00', '0564-5012233'],
    ['3', '凌志高', '北街7号', '1,036,400.00', M('14656207719')],
    ['4', '苏玉琴', '北街9号', '447,000.00', M('15356412208')],
  ])),
  // Prose: the label says what the number is.
  marked('prose', `经审核，申请人朱某某（联系电话：${M('14056338821')}）符合公共租赁住房保障条件，现予以公示。`),
  marked('prose', `联系人：钱师傅，手机${M('16056412276')}；业主委员会联系方式：${M('16156408830')}。`),
  marked('prose', `如有异议，可联系经办人江某，电话：${M('19056037714')}，或拨打监督电话0564-5022345。`),
  marked('prose', `申请人：柯某　手机号码：${M('154 5640 2219')}　申请事项：农村危房改造补助`),
  marked('prose', `联系电话：${M('14412345678')}/${M('17456230019')}`),
  // The same rosters as the files a 住建局 publishes: .xlsx (mobile numbers stored as numbers), .docx, a PDF text layer.
  extracted('xlsx', 'roster.xlsx', () => buildXlsx({
    sheets: [{ name: '公租房租赁补贴发放名单', rows: [['序号', '姓名', '家庭人口', '手机号码'], ...PUBLIC_RENTAL_XLSX.map(([n, name, size, m]) => [Number(n), name, Number(size), Number(m)])] }],
  }), PUBLIC_RENTAL_XLSX.map((r) => r[3])),
  extracted('docx', 'roster.docx', () => buildDocx({
    blocks: ['霍山县2024年农村危房改造补助对象公示', [['序号', '乡镇', '户主', '类别', '联系电话'], ...RURAL_HOUSING_DOCX.map((r) => [...r])], '公示期5个工作日。'],
  }), RURAL_HOUSING_DOCX.map((r) => r[4])),
  extracted('pdf', 'roster.pdf', () => buildPdf([
    '城南棚户区改造项目安置房分配名单',
    '序号 被安置人 安置房号 联系电话',
    ...RESETTLEMENT_PDF.map((r) => r.join(' ')),
  ], { cjk: true }), RESETTLEMENT_PDF.map((r) => r[3])),

  // Negatives: 11-digit numbers that begin with 1, labelled as something else, next to a 联系电话 column.
  marked('table', table([
    ['序号', '订单号', '合同编号', '联系电话'],
    ['1', '16020240517', '14420240031', '0564-5022345'],
    ['2', '16020240518', '14420240032', '0564-5022346'],
  ])),
  marked('prose', '订单号：14012345678，档案号：16412345678，流水号：19212345678，合同编号：16520240017。'),
  marked('prose', '索引号：11341525003139573K/2024-00031　统一社会信用代码：11341525003139573K　联系电话：0564-5022345'),
  marked('table', table([
    ['项目名称', '项目编号', '批准文号', '联系电话'],
    ['城南棚户区改造', '14120240009', '霍发改〔2024〕31号', '0564-5022345'],
  ])),
];

/** The roster cases, ids `roster-N`; a case without expected findings is a negative. */
export async function rosterCases(): Promise<CorpusCase[]> {
  const out: CorpusCase[] = [];
  for (const [i, c] of ROSTER_CASES.entries()) {
    const { text, expected } = await c.build();
    out.push({ id: `roster-${i + 1}`, source: c.source, kind: expected.length > 0 ? 'positive' : 'negative', text, expected });
  }
  return out;
}
