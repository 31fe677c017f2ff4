import type { FindingType } from '../../../src/modules/privacy/domain/finding.ts';
import { extractText } from '../../../src/modules/privacy/extract/extract-text.ts';
import { buildDocx, type DocxBlock } from './factories/build-docx.ts';
import { buildXlsx, type XlsxCell } from './factories/build-xlsx.ts';
import { buildPdf } from './factories/build-pdf.ts';
import { locate, type ExpectedSpan } from './markup.ts';
import { formatMobile } from './format-values.ts';
import {
  accountNumber, bankCard, cardFailingLuhn, creditCode, id18, int, landline, mobile, personName, personalEmail, pick, serial, year, type Rng,
} from './random-values.ts';

type Planted = { type: FindingType; value: string };
type DocCase = { text: string; expected: ExpectedSpan[] };

/** A 公文-style .docx: optional marking, body with a party's data, a roster table, a footer with the office number. */
export async function docxCase(r: Rng): Promise<DocCase> {
  const planted: Planted[] = [];
  const plant = (type: FindingType, value: string): string => (planted.push({ type, value }), value);
  const blocks: DocxBlock[] = [];
  const header = r() < 0.25 ? plant('classified_marking', '内部资料 注意保存') : undefined;
  if (r() < 0.2) blocks.push(plant('classified_marking', pick(r, ['秘密★1年', '机密★10年', '秘密★5年'])));
  blocks.push(`霍建〔${year(r)}〕${int(r, 1, 99)}号`, '关于拟发放农村危房改造补助资金的公示');
  blocks.push(`申请人${personName(r)}，身份证号${plant('id_card', id18(r))}，联系电话${plant('mobile_phone', formatMobile(r, mobile(r)))}。`);
  const rows: (string | string[])[][] = [['序号', '姓名', '身份证号码', '银行卡号', '联系电话']];
  for (let i = 1; i <= int(r, 2, 5); i++) {
    rows.push([String(i), personName(r), plant('id_card', id18(r)), plant('bank_card', bankCard(r)), plant('mobile_phone', mobile(r))]);
  }
  blocks.push(rows);
  blocks.push(`公示期：${year(r)}年${int(r, 1, 12)}月${int(r, 1, 20)}日至${int(r, 21, 28)}日。监督电话：${landline(r)}。`);
  if (r() < 0.5) blocks.push(`经办人：${personName(r)}\t电子邮箱：${plant('email', personalEmail(r))}`);
  const comments = r() < 0.3 ? [`请核实第二户手机号 ${plant('mobile_phone', mobile(r))}`] : undefined;
  const bytes = buildDocx({ header, blocks, footer: `统一社会信用代码：${creditCode(r)}`, comments });
  const { text } = await extractText(bytes, 'case.docx');
  return { text, expected: locate(text, planted) };
}

/** An .xlsx roster: IDs as text, mobiles as numbers (as Excel stores them), accounts in a labelled column. */
export async function xlsxCase(r: Rng): Promise<DocCase> {
  const planted: Planted[] = [];
  const plant = (type: FindingType, value: string): string => (planted.push({ type, value }), value);
  const rows: XlsxCell[][] = [['序号', '姓名', '身份证号', '手机', '开户银行', '银行账号', '金额（元）', '登记日期']];
  for (let i = 1; i <= int(r, 3, 8); i++) {
    const id = plant('id_card', id18(r));
    const m = plant('mobile_phone', mobile(r));
    const account = plant('bank_card', r() < 0.5 ? bankCard(r) : accountNumber(r));
    const bank = pick(r, ['农业银行', '建设银行', '农商银行']);
    rows.push([i, personName(r), id, Number(m), bank, account, int(r, 500, 20000), `${year(r)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`]);
  }
  const notes: XlsxCell[][] = [['填报单位', '霍山县住房和城乡建设局'], ['咨询电话', landline(r)], ['索引号', `${creditCode(r)}/${year(r)}-${serial(r, 5)}`]];
  if (r() < 0.4) notes.push(['填表人邮箱', plant('email', personalEmail(r))]);
  const bytes = buildXlsx({ sheets: [{ name: '发放名单', rows }, { name: '说明', rows: notes }], inlineStrings: r() < 0.3 });
  const { text } = await extractText(bytes, 'case.xlsx');
  return { text, expected: locate(text, planted) };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A published HTML page: navigation, article with entities, a table, a footer with the office number. */
export async function htmlCase(r: Rng): Promise<DocCase> {
  const planted: Planted[] = [];
  const plant = (type: FindingType, value: string): string => (planted.push({ type, value }), value);
  const name = personName(r);
  const para = `<p>申请人${esc(name)}，联系电话：<span>${plant('mobile_phone', mobile(r))}</span>，邮箱：${plant('email', personalEmail(r))}。</p>`;
  const trs = Array.from({ length: int(r, 2, 4) }, (_, i) => `<tr><td>${i + 1}</td><td>${personName(r)}</td><td>${plant('id_card', id18(r))}</td><td>${plant('mobile_phone', mobile(r))}</td></tr>`).join('');
  const html =
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>公示</title><script>var s="13900000000";</script></head><body>` +
    '<nav><a href="/">首页</a> &gt; <a href="/gk">信息公开</a></nav>' +
    `<div class="meta">索引号：${creditCode(r)}/${year(r)}-${serial(r, 5)}&nbsp;&nbsp;发布日期：${year(r)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}</div>` +
    para +
    `<table><thead><tr><th>序号</th><th>姓名</th><th>身份证号</th><th>电话</th></tr></thead><tbody>${trs}</tbody></table>` +
    `<footer>主办：霍山县人民政府办公室&nbsp;联系电话：${landline(r)}</footer></body></html>`;
  const { text } = await extractText(new TextEncoder().encode(html), 'case.html');
  return { text, expected: locate(text, planted) };
}

/** A text-layer PDF, one short line per item so the layout does not wrap a number. */
export async function pdfCase(r: Rng): Promise<DocCase> {
  const planted: Planted[] = [];
  const plant = (type: FindingType, value: string): string => (planted.push({ type, value }), value);
  const lines = [
    '行政处罚决定书',
    `当事人：${personName(r)}`,
    `身份证号：${plant('id_card', id18(r))}`,
    `联系电话：${plant('mobile_phone', mobile(r))}`,
    `罚款：${int(r, 1, 50) * 1000}元`,
    `收款账号：${plant('bank_card', accountNumber(r))}`,
    `咨询电话：${landline(r)}`,
  ];
  const pdf = await buildPdf(lines, { cjk: true });
  const { text } = await extractText(pdf, 'case.pdf');
  return { text, expected: locate(text, planted) };
}

/** A 补贴发放名单 PDF: a header line and rows whose text layer comes out as fields separated by spaces. */
export async function pdfRosterCase(r: Rng): Promise<DocCase> {
  const planted: Planted[] = [];
  const plant = (type: FindingType, value: string): string => (planted.push({ type, value }), value);
  const account = pick(r, ['开户账号', '存折账号', '一卡通账号', '银行账号', '社保卡号']);
  const lines = [`${pick(r, ['霍山县', '与儿街镇', '佛子岭镇'])}耕地地力保护补贴发放名单`, `序号 姓名 联系电话 ${account} 补贴金额（元）`];
  for (let i = 1; i <= int(r, 2, 5); i++) {
    const phone = r() < 0.7 ? plant('mobile_phone', mobile(r)) : landline(r).replace(/[ （）()]/g, '');
    const number = plant('bank_card', r() < 0.5 ? accountNumber(r) : cardFailingLuhn(r));
    lines.push(`${i} ${personName(r)} ${phone} ${number} ${int(r, 5, 60) * 10}`);
  }
  const pdf = await buildPdf(lines, { cjk: true });
  const { text } = await extractText(pdf, 'case.pdf');
  return { text, expected: locate(text, planted) };
}
