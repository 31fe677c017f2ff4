import { idCheckCharacter } from '../../../src/modules/privacy/domain/id-card.ts';
import { passesLuhn } from '../../../src/modules/privacy/domain/bank-card.ts';

/** mulberry32: a small deterministic PRNG, so the generated corpus is the same on every run. */
export type Rng = () => number;
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(int(rng, 0, 9))).join('');
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Real county-level address codes from several provinces, plus the HK/Macao/Taiwan residence permits. */
const AREAS = [
  '341525', '341502', '340104', '110105', '110108', '120101', '130102', '140105', '150102', '210102', '220102', '230103',
  '310104', '320102', '330106', '350102', '360102', '370202', '410105', '420106', '430102', '440304', '450103', '460108',
  '500103', '510104', '520102', '530102', '540102', '610113', '620102', '630102', '640104', '652801', '810000', '830000',
];

export function birthDate(rng: Rng, fromYear = 1940, toYear = 2015): string {
  const y = int(rng, fromYear, toYear);
  const m = int(rng, 1, 12);
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return `${y}${pad(m, 2)}${pad(int(rng, 1, dim), 2)}`;
}

export function id18(rng: Rng): string {
  const first17 = pick(rng, AREAS) + birthDate(rng) + digits(rng, 3);
  return first17 + idCheckCharacter(first17);
}

/** An ID whose check character is X, to exercise that form. */
export function id18WithX(rng: Rng): string {
  for (;;) {
    const id = id18(rng);
    if (id.endsWith('X')) return id;
  }
}

/** Valid in every part except the check character: the near miss of an order number. */
export function id18WrongCheck(rng: Rng): string {
  const first17 = pick(rng, AREAS.filter((a) => !a.startsWith('8'))) + birthDate(rng) + digits(rng, 3);
  const right = idCheckCharacter(first17);
  const wrong = pick(rng, '0123456789'.split('').filter((c) => c !== right));
  return first17 + wrong;
}

export function id15(rng: Rng): string {
  return pick(rng, AREAS.filter((a) => !a.startsWith('8'))) + birthDate(rng, 1930, 1984).slice(2) + digits(rng, 3);
}

/**
 * Segments the generated cases draw from: a sample of common ones, not the allocation list (that is
 * src/modules/privacy/domain/mobile-segments.ts; rare and unallocated segments are in roster-cases.ts).
 */
const COMMON_SEGMENTS = ['130', '131', '133', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];
export const mobile = (rng: Rng): string => pick(rng, COMMON_SEGMENTS) + digits(rng, 8);

const BINS = ['622202', '621700', '622848', '621661', '622588', '621226', '622700', '623668', '622609', '621799', '436742', '524094', '955880'];
export function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d)) return body + d;
  throw new Error('unreachable');
}
export function bankCard(rng: Rng): string {
  const bin = pick(rng, BINS);
  const length = bin.startsWith('9') ? 19 : pick(rng, [16, 19, 19]);
  return withLuhn(bin + digits(rng, length - bin.length - 1));
}
export function cardFailingLuhn(rng: Rng): string {
  const card = bankCard(rng);
  const last = Number(card.slice(-1));
  return card.slice(0, -1) + String((last + int(rng, 1, 9)) % 10);
}
/** A corporate or passbook account: 12–22 digits, no check digit. */
export function accountNumber(rng: Rng): string {
  return pick(rng, ['3400', '1305', '1200', '3414', '6100', '1001']) + digits(rng, pick(rng, [8, 12, 14, 16, 18]));
}

const SURNAMES = ['zhang', 'wang', 'li', 'zhao', 'liu', 'chen', 'yang', 'huang', 'zhou', 'wu', 'xu', 'sun', 'ma', 'hu', 'guo'];
const GIVEN = ['wei', 'fang', 'na', 'min', 'jing', 'lei', 'qiang', 'jun', 'yang', 'yong', 'yan', 'jie', 'tao', 'ming', 'chao', 'xiu'];
const PUBLIC_DOMAINS = ['163.com', '126.com', 'qq.com', 'sina.com', 'foxmail.com', 'gmail.com', 'outlook.com', '139.com', 'yeah.net', 'sohu.com', 'hotmail.com', 'aliyun.com'];
export function personalEmail(rng: Rng): string {
  const s = pick(rng, SURNAMES);
  const g = pick(rng, GIVEN);
  const local = pick(rng, [`${s}${g}`, `${s}.${g}`, `${s}_${g}${int(rng, 1, 99)}`, `${g}${s}${int(rng, 1970, 2005)}`, `${digits(rng, 1).replace('0', '1')}${digits(rng, int(rng, 6, 9))}`]);
  return `${local}@${pick(rng, PUBLIC_DOMAINS)}`;
}

const NAMES_FAMILY = '张王李赵刘陈杨黄周吴徐孙马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const NAMES_GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红亮建国文辉力晓燕飞鹏宇浩凯俊峰琳雪梅婷志';
export function personName(rng: Rng): string {
  const given = Array.from({ length: int(rng, 1, 2) }, () => pick(rng, [...NAMES_GIVEN])).join('');
  return pick(rng, [...NAMES_FAMILY]) + given;
}

/** 统一社会信用代码 shapes (GB 32100-2015): letters in the organisation code and check position. */
export function creditCode(rng: Rng): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const head = pick(rng, ['91', '11', '12', '52', '93', '51']) + pick(rng, AREAS.slice(0, 30));
  const org = pick(rng, ['MA', '00', '49', '78', '05']) + Array.from({ length: 7 }, () => pick(rng, [...chars])).join('');
  return head + org + pick(rng, [...'ABCDEFGHJKLMNPQRTUWY0123456789']);
}

export function landline(rng: Rng): string {
  const area = pick(rng, ['0564', '0551', '010', '021', '0571', '020', '0755', '028', '027', '0371']);
  const local = digits(rng, area.length === 3 ? 8 : 7).replace(/^0/, '6');
  return pick(rng, [`${area}-${local}`, `（${area}）${local}`, `${area}-${local}`, `(${area})${local}`, `${area} ${local}`]);
}

export const year = (rng: Rng): number => int(rng, 2015, 2025);
export const serial = (rng: Rng, w: number): string => pad(int(rng, 1, 10 ** w - 1), w);
