import type { DemoPublication, DisclosureStage } from './types.ts';
import type { Rng } from './prng.ts';

/**
 * One generated item before keys and document numbers are assigned. Bodies may hold the tokens
 * {{文号}} (this item's number) and {{相关文号}} (the number of the policy an interpretation explains);
 * the generator fills them once numbers are allocated in date order.
 */
export type Draft = {
  title: string;
  /** Paths inside the organ's catalog, e.g. 'zdly/bzxzf'. */
  nodePaths: string[];
  stage: DisclosureStage;
  genre: string;
  subject: string;
  keywords: string[];
  summary: string;
  bodyHtml: string;
  source: string;
  consultPhone: string | null;
  docType: DemoPublication['docType'];
  /** Which series the 文号 comes from (县政府办公室 and 处罚决定书 have their own), or null for none. */
  numbering: 'regular' | 'normative' | 'office' | 'penalty' | null;
  formedOn: string;
  publishedOn: string;
  /** Set on a 政策解读: the policy it explains (published with it). */
  interprets?: Draft;
  /** Set on planned 规范性文件, to link repeals across years. */
  planId?: string;
  validity?: DemoPublication['validity'];
  /** Set on a 征求意见 notice: the last day of its comment window (DemoPublication.commentsUntil). */
  commentsUntil?: string;
  /**
   * Batch titles (第{{序}}批) carry the token; the generator numbers same-title drafts in publication
   * order, at most this many per organ-year.
   */
  sequenceMax?: number;
  /** How many permits a 许可结果 item lists (for next year's annual report). */
  permitCount?: number;
};

/** What last year looked like, for annual reports and summaries. */
export type YearStats = {
  year: number;
  total: number;
  normativeIssued: number;
  normativeRepealed: number;
  normativeInForce: number;
  permits: number;
  penalties: number;
  interpretations: number;
};

export type YearContext = {
  rng: Rng;
  year: number;
  organKey: string;
  firstDay: string;
  lastDay: string;
  previous: YearStats | null;
  /** A working day in [from, to] ∩ the year's publishing window, or null if they do not meet. */
  pickDate(from: string, to: string): string | null;
  /** The 成文日期 of an item published on `publishedOn`: 'same' day, a 'quick' few days, or a 'document' signed 1–10 WD earlier. */
  formedFor(publishedOn: string, style: 'same' | 'quick' | 'document'): string;
};

export type ItemKind = {
  id: string;
  stage: DisclosureStage;
  /** Relative weight when filling the rest of a stage's quota with `make`. */
  weight: number;
  /** Share of the stage's target this kind fills first (e.g. policies: about a quarter of 决策). */
  share?: number;
  /** Items this kind produces every year (monthly reports …), as groups published together. */
  recurring?: (ctx: YearContext) => Draft[][];
  /** One more item (or group); the generator retries when the title already exists. */
  make?: (ctx: YearContext) => Draft[] | null;
  /** First year the kind exists (e.g. campaigns started later). */
  fromYear?: number;
  toYear?: number;
};
