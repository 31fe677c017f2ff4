/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）, docs/rules/fees.md.
 * Charged 按件 (per application) or 按量 (per page) — one method per application, never both — in
 * excess brackets (超额累进): each rate applies only to the part inside its band (第二条、第三条).
 */
export const FEE_METHODS = ['per_application', 'per_page'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];
export const FEE_METHOD_LABELS: Record<FeeMethod, string> = { per_application: '按件计收', per_page: '按量计收' };

/** 20 working days from the day after the notice is received; unpaid → other.fee_unpaid (通行做法; docs/rules/fees.md). */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/**
 * [U] — flagged for legal review. Whether the time from the fee notice to payment is excluded from
 * the reply period is unconfirmed; by default it is (a 20-WD payment window cannot fit inside a
 * 20-WD reply period otherwise). Set to false to keep the clock running while the applicant pays.
 */
export const FEE_WINDOW_PAUSES_CLOCK = true;

export type FeeLine = { from: number; to: number; units: number; rateYuan: number; amountYuan: number };
export type FeeComputation = { method: FeeMethod; units: number; amountYuan: number; lines: FeeLine[]; explanation: string };

/**
 * 按件 (第四条): the n-th application of the same applicant in one calendar month costs
 * 0 for 1–10, 100元 for 11–30, and from 31 each block of ten adds 100元 (31–40: 200元, 41–50: 300元 …;
 * the block reading is [A]).
 */
export function feeForNthApplication(n: number): number {
  assertCount(n, '本月第几件申请');
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 * (1 + Math.ceil((n - 30) / 10));
}

/** The fee of the application that is the n-th of its applicant in the month, with the bracket it falls in. */
export function perApplicationFee(n: number): FeeComputation {
  const amountYuan = feeForNthApplication(n);
  const band = n <= 10 ? { from: 1, to: 10 } : n <= 30 ? { from: 11, to: 30 } : { from: 31 + 10 * Math.floor((n - 31) / 10), to: 40 + 10 * Math.floor((n - 31) / 10) };
  return {
    method: 'per_application',
    units: n,
    amountYuan,
    lines: [{ ...band, units: 1, rateYuan: amountYuan, amountYuan }],
    explanation: `该申请人本自然月第${n}件申请，属于第${band.from}至${band.to}件区间，每件${amountYuan}元（国办函〔2020〕109号第四条）`,
  };
}

/** All of one applicant's applications in a month, e.g. 35 → 20×100 + 5×200 = 2,500元. */
export function monthTotalPerApplication(count: number): number {
  assertCount(count, '申请件数', true);
  let total = 0;
  for (let n = 1; n <= count; n++) total += feeForNthApplication(n);
  return total;
}

/** 按量 (第五条): pages 1–30 free, 31–100 at 10元, 101–200 at 20元, 201 and above at 40元, per application. */
const PAGE_BANDS: { from: number; to: number; rateYuan: number }[] = [
  { from: 1, to: 30, rateYuan: 0 },
  { from: 31, to: 100, rateYuan: 10 },
  { from: 101, to: 200, rateYuan: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, rateYuan: 40 },
];

export function perPageFee(pages: number): FeeComputation {
  assertCount(pages, '页数', true);
  const lines: FeeLine[] = [];
  for (const band of PAGE_BANDS) {
    if (pages < band.from) break;
    const units = Math.min(pages, band.to) - band.from + 1;
    lines.push({ from: band.from, to: Math.min(pages, band.to), units, rateYuan: band.rateYuan, amountYuan: units * band.rateYuan });
  }
  const amountYuan = lines.reduce((s, l) => s + l.amountYuan, 0);
  const parts = lines.filter((l) => l.rateYuan > 0).map((l) => `${l.units}页×${l.rateYuan}元`);
  return {
    method: 'per_page',
    units: pages,
    amountYuan,
    lines,
    explanation: `共${pages}页，前30页免费${parts.length ? `，${parts.join(' + ')}` : ''}，合计${amountYuan}元（国办函〔2020〕109号第五条，超额累进）`,
  };
}

function assertCount(n: number, what: string, allowZero = false): void {
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1) || n > 1_000_000) {
    throw new RangeError(`${what}“${n}”无效，应为${allowZero ? '不小于0' : '正'}整数`);
  }
}
