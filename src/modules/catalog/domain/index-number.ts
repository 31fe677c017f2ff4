import { DomainError } from '../../../shared/domain-error.ts';

/**
 * 索引号: unique and permanent (国办秘函〔2009〕6号). The pattern is configurable per organ
 * (docs/rules/proactive-disclosure.md, 索引号): tokens {creditCode} {orgCode} {yyyy} {yyyymm} {seqN} (N = 3..8 digits).
 * Serials run per organ and per period: the year, or the month when the pattern has {yyyymm}.
 */
const TOKEN = /\{(creditCode|orgCode|yyyy|yyyymm|seq([3-8]))\}/g;

export type IndexNumberParts = { creditCode: string; publishedOn: string; serial: number };

export function validateIndexPattern(pattern: string): void {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]);
  const stray = pattern.replace(TOKEN, '').match(/[{}]/);
  if (stray) throw invalid(`索引号规则“${pattern}”含有无法识别的占位符，可用：{creditCode} {orgCode} {yyyy} {yyyymm} {seq5}`);
  if (!tokens.some((t) => t.startsWith('seq'))) throw invalid(`索引号规则“${pattern}”缺少流水号占位符（如 {seq5}）`);
  if (!tokens.includes('yyyy') && !tokens.includes('yyyymm')) throw invalid(`索引号规则“${pattern}”缺少年份占位符（{yyyy} 或 {yyyymm}）`);
  if (!tokens.includes('creditCode') && !tokens.includes('orgCode')) throw invalid(`索引号规则“${pattern}”缺少机构代码占位符（{creditCode} 或 {orgCode}）`);
  if (/\s/.test(pattern.replace(TOKEN, ''))) throw invalid('索引号规则不能包含空白字符');
}

/**
 * The serial counter an item draws from: the index number with everything but the serial filled
 * in (e.g. `11341525003139573K/2020-{seq}`). Organs whose numbers would share that prefix — a
 * bureau and its 股室 often share one 统一社会信用代码 — share the counter, so numbers never clash.
 */
export function serialScope(pattern: string, creditCode: string, publishedOn: string): string {
  const SERIAL = '\u0000serial\u0000';
  return formatIndexNumber(pattern.replace(/\{seq[3-8]\}/g, SERIAL), { creditCode, publishedOn, serial: 0 }).replace(SERIAL, '{seq}');
}

export function formatIndexNumber(pattern: string, parts: IndexNumberParts): string {
  const yyyy = parts.publishedOn.slice(0, 4);
  const yyyymm = yyyy + parts.publishedOn.slice(5, 7);
  return pattern.replace(TOKEN, (_m, token: string, digits?: string) => {
    switch (token) {
      case 'creditCode':
        return parts.creditCode;
      case 'orgCode':
        return organizationCodeOf(parts.creditCode);
      case 'yyyy':
        return yyyy;
      case 'yyyymm':
        return yyyymm;
      default: {
        const width = Number(digits);
        const s = String(parts.serial);
        if (s.length > width) throw invalid(`索引号流水号已超过 ${width} 位（${parts.serial}），请调整索引号规则`);
        return s.padStart(width, '0');
      }
    }
  });
}

/**
 * The 9-character 组织机构代码 inside an 18-character 统一社会信用代码 (characters 9–17),
 * or an older 组织机构代码 given directly, kept as written (some sites show it with its hyphen).
 */
export function organizationCodeOf(code: string): string {
  return code.length === 18 ? code.slice(8, 17) : code;
}

// GB 32100-2015: 18 characters from 0-9 and A-Z without I O Z S V; a 9-char code may carry a hyphen.
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ORG_CODE = /^[0-9A-Z]{7,8}-?[0-9X]$/;

export function isValidOrganCode(code: string): boolean {
  return CREDIT_CODE.test(code) || ORG_CODE.test(code);
}

function invalid(message: string): DomainError {
  return new DomainError('ERR_CATALOG_INDEX_PATTERN_INVALID', message, { field: 'indexPattern' });
}
