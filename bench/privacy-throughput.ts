/**
 * Throughput of the privacy scanner on one core: builds a ≥ 20 MB Chinese document in memory
 * (prose, tables, document identifiers, office numbers, and some personal data planted at known
 * places), scans it with and without a 5,000-word list, and prints MB/s. Never asserts a time.
 *   node --import tsx bench/privacy-throughput.ts [--mb 20]
 */
import { performance } from 'node:perf_hooks';
import { scanText, type WordList } from '../src/modules/privacy/index.ts';
import {
  bankCard, creditCode, createRng, id18, int, landline, mobile, personName, personalEmail, pick, serial, year, type Rng,
} from '../test/corpus/privacy/random-values.ts';

const targetMb = Number(process.argv[process.argv.indexOf('--mb') + 1]) || 20;

const PROSE = [
  '为进一步规范政府信息公开工作，提高行政机关工作透明度，根据《中华人民共和国政府信息公开条例》，结合本县实际，制定本办法。',
  '各乡镇人民政府、县直各单位要高度重视，明确分管负责人和工作人员，严格落实保密审查制度，做到先审查、后公开。',
  '本年度全县共实施老旧小区改造项目12个，惠及居民3,865户，完成投资2.36亿元，同比增长8.5%。',
  '对涉及商业秘密、个人隐私的信息，行政机关不得公开；但是，第三方同意公开或者不公开会对公共利益造成重大影响的，予以公开。',
  '申请人对行政机关的答复不服的，可以自收到答复之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。',
  '建立健全政务公开工作考核机制，将考核结果纳入年度综合目标考核，考核分值不低于总分的4%。',
  '县住房和城乡建设局负责全县房屋建筑和市政基础设施工程质量安全监督管理工作。',
];

function paragraph(r: Rng, planted: { value: string }[]): string {
  const parts: string[] = [];
  for (let i = int(r, 2, 5); i > 0; i--) parts.push(pick(r, PROSE));
  const roll = r();
  if (roll < 0.15) parts.push(`索引号：${creditCode(r)}/${year(r)}-${serial(r, 5)}，文号：霍建〔${year(r)}〕${int(r, 1, 99)}号，成文日期：${year(r)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}。`);
  else if (roll < 0.3) parts.push(`咨询电话：${landline(r)}，监督电话：12345，项目编号：HSZC-${year(r)}-${serial(r, 3)}，预算金额${int(r, 1, 999)},${int(r, 100, 999)}.00元。`);
  else if (roll < 0.36) {
    const id = id18(r);
    const m = mobile(r);
    planted.push({ value: id }, { value: m });
    parts.push(`当事人${personName(r)}，身份证号${id}，联系电话${m}。`);
  } else if (roll < 0.39) {
    const e = personalEmail(r);
    planted.push({ value: e });
    parts.push(`答复书已发送至申请人邮箱${e}。`);
  }
  return parts.join('');
}

function table(r: Rng, planted: { value: string }[]): string {
  if (r() >= 0.3) {
    return ['指标\t2022年\t2023年\t增长率', `主动公开信息（条）\t${int(r, 100, 3000)}\t${int(r, 100, 3000)}\t${int(r, 1, 30)}.${int(r, 0, 9)}%`].join('\n');
  }
  const rows = ['序号\t姓名\t身份证号码\t银行卡号\t发放金额（元）\t发放日期'];
  for (let i = 1; i <= int(r, 5, 20); i++) {
    const id = id18(r);
    const card = bankCard(r);
    planted.push({ value: id }, { value: card });
    rows.push(`${i}\t${personName(r)}\t${id}\t${card}\t${int(r, 5, 30) * 100}.00\t${year(r)}-0${int(r, 1, 9)}-1${int(r, 0, 9)}`);
  }
  return rows.join('\n');
}

function buildDocument(mb: number): { text: string; bytes: number; planted: string[] } {
  const r = createRng(20240307);
  const chunks: string[] = [];
  const planted: { value: string }[] = [];
  let bytes = 0;
  while (bytes < mb * 1024 * 1024) {
    const chunk = (r() < 0.15 ? table(r, planted) : paragraph(r, planted)) + '\n';
    chunks.push(chunk);
    bytes += Buffer.byteLength(chunk, 'utf8');
  }
  return { text: chunks.join(''), bytes, planted: planted.map((p) => p.value) };
}

function wordList(n: number): WordList[] {
  const r = createRng(7);
  const chars = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
  const words = Array.from({ length: n }, () => ({ word: Array.from({ length: int(r, 2, 5) }, () => pick(r, [...chars])).join(''), severity: 'warn' as const }));
  return [{ name: '基准词表', words }];
}

function time(label: string, text: string, bytes: number, run: () => number): void {
  run(); // warm-up: JIT and the compiled word list
  const seconds: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    findings = run();
    seconds.push((performance.now() - t0) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const s = seconds[1];
  console.log(
    `${label}：中位数 ${s.toFixed(3)} 秒，${(bytes / 1024 / 1024 / s).toFixed(1)} MB/s（UTF-8），` +
      `${(text.length / 1e6 / s).toFixed(1)} 百万字符/秒，发现 ${findings} 处`,
  );
}

const { text, bytes, planted: plantedValues } = buildDocument(targetMb);
console.log(`基准文档：${(bytes / 1024 / 1024).toFixed(1)} MB（UTF-8），${(text.length / 1e6).toFixed(2)} 百万字符，其中埋入个人信息 ${plantedValues.length} 处；Node ${process.version}，单线程`);
const found = scanText(text);
const byType = found.reduce<Record<string, number>>((a, f) => ((a[f.type] = (a[f.type] ?? 0) + 1), a), {});
const plantedSet = new Set(plantedValues);
const hits = found.filter((f) => plantedSet.has(f.text)).length;
console.log(`检出 ${found.length} 处（${Object.entries(byType).map(([k, v]) => `${k} ${v}`).join('，')}）；其中埋入值 ${hits} 处，其余 ${found.length - hits} 处为误报`);
time('不带词表', text, bytes, () => scanText(text).length);
const lists = wordList(5000);
time('带 5,000 词的词表', text, bytes, () => scanText(text, { wordLists: lists }).length);
