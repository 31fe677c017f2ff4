import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { DISCLOSURE_STAGES, findOrganByCode, GENRES, handlingOrganOf, STAGE_LABELS, VALIDITIES, VALIDITY_LABELS, type Organ } from '../../catalog/index.ts';
import { findNodeOrgan, genreIndexed } from '../storage/search-repository.ts';
import type { SearchRequest } from '../domain/search-request.ts';
import { cutQuery, type QueryCut } from '../domain/query-cut.ts';
import { normalHost, pastedAddress } from '../domain/portal-address.ts';
import { addressedTarget, type AddressedTarget } from '../use-cases/addressed-item.ts';
import { organListOf, type OrganList } from '../use-cases/search-publications.ts';

export type RawSearchParams = Partial<Record<'q' | 'organ' | 'node' | 'stage' | 'genre' | 'year' | 'validity' | 'from' | 'to' | 'sort' | 'page' | 'pageSize', string>>;

export const SEARCH_PARAM_NAMES = ['q', 'organ', 'node', 'stage', 'genre', 'year', 'validity', 'from', 'to', 'sort'] as const;

const bad = (code: string, message: string, field: string) => new DomainError(code, message, { httpStatus: 400, field, reasons: [{ code, message, field }] });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const intParam = (raw: string | undefined, field: string, label: string, min: number, max: number) => {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw bad('ERR_SEARCH_BAD_PARAMETER', `${label}应为 ${min}–${max} 之间的整数`, field);
  return n;
};

const PARAM_LABELS: Record<string, string> = {
  q: '检索词', organ: '范围（机关）', node: '目录栏目', stage: '五公开', genre: '体裁', year: '年份', validity: '效力', from: '起始日期', to: '截止日期', sort: '排序', page: '页码', pageSize: '每页条数',
};

/** A parameter given more than once (q=…&q=…, an edited address) is refused, naming it: which one was meant is not known. */
export function refuseRepeated(raw: Record<string, unknown>): void {
  for (const [field, v] of Object.entries(raw ?? {})) {
    if (Array.isArray(v)) throw bad('ERR_SEARCH_BAD_PARAMETER', `${PARAM_LABELS[field] ?? field}（${field}）只能给出一次`, field);
  }
}

/**
 * This portal's hosts, as a pasted address of one of its pages names them (portalItemAddress): the host the request
 * came to, and the public address's when one is configured (GONGKAI_PUBLIC_URL, behind a proxy).
 */
export function portalHostsOf(request: { protocol: string; host: string }, publicUrl: string | null | undefined): string[] {
  const hosts = [normalHost(request.protocol === 'https' ? 'https' : 'http', request.host)];
  if (publicUrl) {
    try {
      hosts.push(new URL(publicUrl).host);
    } catch {
      // Not an address: checked when the configuration is read; nothing to add here.
    }
  }
  return hosts.filter((h): h is string => !!h);
}

/** What the search did with what was typed, for the page and the API to say (docs/search.md, "Limits" and "A pasted address"). */
export type ReadInput = {
  /** A query over MAX_QUERY_CHARS characters: searched by its start (request.q), with how many were typed and kept. */
  queryCut: QueryCut['cut'];
  /** `from` was after `to`: they were swapped (request.filters.fromOn ≤ toOn). */
  datesSwapped: boolean;
  /**
   * The query is an address that shows an item, as the portal answers it — one of its item pages, or an old site's
   * address it redirects to one — or an item page's address that answers 404 (notFound): answered so, not searched as
   * words (use-cases/addressed-item.ts). Null for any other query, an address showing no item included.
   */
  address: AddressedTarget | null;
};

/**
 * The search parameters of the portal page and of GET /api/v1/search, checked the same way: a
 * parameter that cannot be read is refused with a Chinese message naming it (ERR_SEARCH_…, 400).
 * `organ` is an organ code; the search covers that organ's own items — the organ and its internal units,
 * never the organs under it — which is what the 机关 facet counts under it. An internal unit (股室) publishes
 * nothing in its own name, so a unit's code (an old link) searches the organ that publishes for it:
 * `scopeOrgan` is that organ and `scopeUnit` the unit asked for, for the page and the API to say so.
 */
export async function readSearchParams(deps: AppDeps, raw: RawSearchParams, defaults: { pageSize: number; organs?: OrganList; portalHosts?: readonly string[] }): Promise<{ request: SearchRequest; scopeOrgan: Organ | null; scopeUnit: Organ | null } & ReadInput> {
  refuseRepeated(raw);
  const typed = (raw.q ?? '').trim();
  // An address that shows an item is read whole (a long query string and all: one indexed lookup tells); any other
  // query over the limit is searched by its start and the reader told — never refused (a pasted title or sentence; an outside tester).
  const pasted = defaults.portalHosts ? pastedAddress(typed, defaults.portalHosts) : null;
  const address = pasted ? await addressedTarget(deps, pasted) : null;
  const { text: q, cut: queryCut } = address ? { text: typed, cut: null } : cutQuery(typed);
  const organCode = raw.organ?.trim() || null;
  const asked = organCode ? await findOrganByCode(deps.db, organCode) : null;
  // What to do is said too (an outside tester): the page's 范围 and the API's organ list offer the codes there are.
  if (organCode && !asked) throw bad('ERR_SEARCH_UNKNOWN_ORGAN', `没有代码为“${organCode}”的机关。请从机关列表中选择，或去掉机关条件（organ）在全站检索`, 'organ');
  const scopeUnit = asked?.kind === 'unit' ? asked : null;
  const scopeOrgan = scopeUnit ? handlingOrganOf(scopeUnit, await (defaults.organs ?? organListOf(deps))()) ?? scopeUnit : asked;
  const scopeOrganId = scopeOrgan?.id ?? null;
  for (const [field, label] of [['from', '起始日期'], ['to', '截止日期']] as const) {
    const v = raw[field]?.trim();
    if (v && !isRealDate(v)) {
      // In words a citizen reads (the box is a date picker; a wrong date comes from an edited address).
      const message = DATE.test(v) ? `${label}没有这一天（${v}），请按“年-月-日”选择日历上的日期，如 2026-03-10` : `${label}应按“年-月-日”填写，如 2026-03-10`;
      throw bad('ERR_SEARCH_INVALID_DATE', message, field);
    }
  }
  // A range typed the other way round (从 2026-06-01 到 2026-01-01) means the same days: swapped, and said.
  const from = raw.from?.trim() || undefined;
  const to = raw.to?.trim() || undefined;
  const datesSwapped = !!(from && to && from > to);
  const [fromOn, toOn] = datesSwapped ? [to, from] : [from, to];
  const sort = raw.sort === 'newest' ? 'newest' : raw.sort === undefined || raw.sort === '' || raw.sort === 'relevance' ? 'relevance' : null;
  if (!sort) throw bad('ERR_SEARCH_BAD_PARAMETER', '排序方式应为 relevance（相关度）或 newest（最新）', 'sort');
  const text = (v: string | undefined) => (v?.trim() ? v.trim().slice(0, 40) : undefined);
  // A value no item can have is refused, naming the field, as organ, page and year are — never 200 with nothing found.
  const stage = text(raw.stage);
  if (stage && !(DISCLOSURE_STAGES as readonly string[]).includes(stage)) {
    throw bad('ERR_SEARCH_BAD_PARAMETER', `五公开（stage）应为 ${DISCLOSURE_STAGES.map((s) => `${s}（${STAGE_LABELS[s]}）`).join('、')} 之一`, 'stage');
  }
  const validity = text(raw.validity);
  if (validity && !(VALIDITIES as readonly string[]).includes(validity)) {
    throw bad('ERR_SEARCH_BAD_PARAMETER', `效力（validity）应为 ${VALIDITIES.map((v) => `${v}（${VALIDITY_LABELS[v]}）`).join('、')} 之一`, 'validity');
  }
  // 体裁 is free text (an import may bring others than the list): one of the list, or one some indexed item has.
  const genre = text(raw.genre);
  if (genre && !(GENRES as readonly string[]).includes(genre) && !(await genreIndexed(deps.db, genre))) {
    throw bad('ERR_SEARCH_BAD_PARAMETER', `没有体裁为“${genre}”的公开信息（体裁 genre 如 通知、公告）`, 'genre');
  }
  // An id in a person's words (an outside tester: 1–2147483647 之间的整数): a whole number past the ids' range is a node that does not exist.
  const nodeRaw = raw.node?.trim();
  if (nodeRaw && !/^[1-9]\d*$/.test(nodeRaw)) throw bad('ERR_SEARCH_BAD_PARAMETER', '目录栏目编号（node）应为正整数', 'node');
  if (nodeRaw && Number(nodeRaw) > 2 ** 31 - 1) throw bad('ERR_SEARCH_BAD_PARAMETER', `没有编号为 ${nodeRaw} 的目录栏目（node）`, 'node');
  const nodeId = nodeRaw ? Number(nodeRaw) : undefined;
  if (nodeId !== undefined && !(await findNodeOrgan(deps.db, nodeId))) throw bad('ERR_SEARCH_BAD_PARAMETER', `没有编号为 ${nodeId} 的目录栏目（node）`, 'node');
  return {
    scopeOrgan,
    scopeUnit,
    queryCut,
    datesSwapped,
    address,
    request: {
      q,
      sort,
      page: intParam(raw.page, 'page', '页码', 1, 1000) ?? 1,
      pageSize: intParam(raw.pageSize, 'pageSize', '每页条数', 1, 50) ?? defaults.pageSize,
      filters: {
        scopeOrganId, nodeId, stage, genre,
        year: intParam(raw.year, 'year', '年份', 1949, 2200), validity, fromOn, toOn,
      },
    },
  };
}

/** The URL of the same search with some parameters changed (a facet link, a page link). */
export function searchUrl(base: string, raw: RawSearchParams, change: RawSearchParams): string {
  const merged: Record<string, string> = {};
  for (const k of SEARCH_PARAM_NAMES) {
    const v = k in change ? change[k] : raw[k];
    if (v) merged[k] = v;
  }
  if (change.page && change.page !== '1') merged.page = change.page;
  return `${base}?${new URLSearchParams(merged).toString()}`;
}
