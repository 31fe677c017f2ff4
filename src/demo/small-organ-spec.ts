import type { DisclosureStage } from './types.ts';
import type { YearContext } from './item-kind.ts';
import type { PolicyTopic } from './policy-pair.ts';

/** What a smaller demo organ (the county government, 财政局 …) is made of; see small-organ-kinds.ts. */

export type SmallTopic = PolicyTopic & { measures: string[] };

export type SmallNormative = {
  id: string;
  year: number;
  month: number;
  topic: number;
  name: string;
  docName: string;
  scope: string;
  articles: string[];
  validYears: number;
  validity: 'valid' | 'amended' | 'expired';
  replaces?: string;
  /** A 修改决定: the plan id of the document it amends (that one's validity is 'amended'); its `articles` are the changes. */
  amends?: string;
  changes?: string;
};

export type SimpleKind = {
  id: string;
  stage: DisclosureStage;
  /** 0 with `yearly` for items every year; otherwise the weight when filling. */
  weight: number;
  yearly?: boolean;
  nodes: string[];
  genre: string;
  subject?: string;
  keywords: string[];
  months?: [number, number];
  /** When the months depend on the title (a holiday notice goes out before that holiday). */
  monthsFor?: (title: string) => [number, number];
  fromYear?: number;
  toYear?: number;
  /** Titles may hold 第{{序}}批 (then set sequenceMax). */
  title: (ctx: YearContext) => string;
  sequenceMax?: number;
  formed?: 'same' | 'quick' | 'document';
  numbering?: 'regular' | 'office';
  summary: (title: string) => string;
  body: (ctx: YearContext, signedOn: string, title: string) => string;
};

export type PolicySeries = { path: string; numbering: 'regular' | 'office'; issuer: string };

export type SmallOrganSpec = {
  organKey: string;
  name: string;
  short: string;
  /** How the organ calls itself in its own texts (我局, 县政府办公室). */
  we: string;
  /** Who goes on field visits in news titles (县领导, 县财政局负责同志 …). */
  visitor: string;
  phone: string;
  newsNode: string;
  /** Where notices and announcements without a better home go (通知公告 or 工作动态). */
  noticeNode: string;
  /** Where 政策文件 go and who issues them (县政府 and 县政府办公室 have separate series). */
  policySeries: PolicySeries[];
  normativeNode: string;
  addressee: string;
  attendees: string;
  leaderNode: string;
  personnelTitles: (year: number) => string[];
  topics: SmallTopic[];
  normatives: SmallNormative[];
  special: SimpleKind[];
  /** Month by which last year's 年度报告 is out (条例第四十九条: departments by 31 January, governments by 31 March). */
  annualReportBy: 1 | 3;
};
