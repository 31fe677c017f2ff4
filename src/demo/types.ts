/** The shapes the seed command inserts (`./bin/gongkai seed --demo`). Re-exported by index.ts. */

export type DemoOrgan = {
  key: string;
  code: string;
  name: string;
  shortName: string;
  kind: 'government' | 'department' | 'unit';
  parentKey: string | null;
  /** 18-character 统一社会信用代码 shape, invented. */
  creditCode: string;
  /** '{creditCode}/{yyyy}-{seq5}' */
  indexPattern: string;
  /** Office landline such as 0564-5022xxx. */
  consultPhone: string;
  address: string;
  officeHours: string;
  /** 公开指南: the sections of 条例第十二条. */
  guideHtml: string;
  /** 公开制度. */
  rulesHtml: string;
};

export type DemoCatalogNode = {
  key: string;
  organKey: string;
  parentKey: string | null;
  name: string;
  sortOrder: number;
  isStandardDirectory: boolean;
  /** e.g. '保障性住房' when isStandardDirectory. */
  standardArea: string | null;
};

/** 五公开: 决策、执行、管理、服务、结果. */
export type DisclosureStage = 'decision' | 'execution' | 'management' | 'service' | 'result';

export type DemoPublication = {
  key: string;
  organKey: string;
  /** At least one placement. */
  nodeKeys: string[];
  title: string;
  /** e.g. 岚建〔2020〕12号; null when the item has no 文号. */
  documentNumber: string | null;
  /** YYYY-MM-DD, the 成文日期 / 生成日期. */
  formedOn: string;
  publishedOn: string;
  stage: DisclosureStage;
  /** 体裁分类: 通知/公告/决定/意见/函/报告/… or 工作动态 etc. */
  genre: string;
  /** 主题分类, e.g. '城乡建设、环境保护'. */
  subject: string;
  keywords: string[];
  summary: string;
  /** <p>…</p> paragraphs, tables allowed. */
  bodyHtml: string;
  /** 信息来源. */
  source: string;
  /** 规章 / 行政规范性文件 / other. */
  docType: 'regulation' | 'normative_document' | 'other';
  validity: 'valid' | 'repealed' | 'amended' | 'expired';
  /** For an 'expired' document, the last day of its 有效期 (it takes effect 30 days after publication); else null. */
  expiredOn: string | null;
  /** 有效期至 of a planned 规范性文件: the last day of the 有效期 its text states (施行 30 days after publication); else absent. */
  validThroughOn?: string | null;
  replacedByKey: string | null;
  /**
   * A 修改决定 (关于修改《…》的决定): the key of the document it amends, which is 已修改 and names it as its amender, as
   * an officer's 标记已修改 records it (ADR 0026); null for every other item.
   */
  amendsKey?: string | null;
  /** A 政策解读: the key of the policy it explains (published with it); null for every other item. */
  interpretsKey: string | null;
  consultPhone: string | null;
  /**
   * A 征求意见 notice: the last day comments are taken (its window opens on publication). The seed opens its
   * 意见征集 on the platform while the window lasts, and the notice's 意见征集 link leads to it.
   */
  commentsUntil: string | null;
};
