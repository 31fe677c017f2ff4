/**
 * A synthetic corpus of Chinese disclosure items for the search benchmark: titles from the
 * templates organs use, bodies of 500–3,000 characters drawn from 226 government terms (and their combinations) with
 * Zipf-like frequencies, 200 organs, ten years, 文号 on about a third. Deterministic (seeded).
 */
import { performance } from 'node:perf_hooks';
import type { AppDeps } from '../src/platform/app-deps.ts';
import { searchPublications } from '../src/modules/search/index.ts';
import type { FullTextIndex } from '../src/modules/search/storage/full-text-index.ts';
import type { SearchFilters } from '../src/modules/search/domain/search-request.ts';
import { insertOrgans, ORGANS, postgresInserter, type Columns } from './annual-report-data.ts';

export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = `危房改造 棚户区改造 公共租赁住房 保障性住房 住房公积金 老旧小区改造 扬尘治理 预售许可 施工许可 行政许可 行政处罚 安全生产 质量监督
燃气安全 供水 排水 污水处理 垃圾分类 建筑垃圾 物业服务 维修资金 房屋征收 征收补偿 不动产登记 城市更新 市政设施 园林绿化 道路养护 路灯 停车场
充电设施 加装电梯 无障碍设施 海绵城市 地下管网 消防验收 竣工验收 招标投标 工程造价 建筑市场 劳务实名制 农民工工资 信用评价 双随机 营商环境
告知承诺 一网通办 政务服务 信息公开 依申请公开 年度报告 部门预算 部门决算 三公经费 政府采购 资金分配 补助资金 专项资金 绩效评价 审计整改
乡村振兴 农房建设 抗震改造 传统村落 人居环境 厕所革命 生活垃圾 节能改造 绿色建筑 装配式建筑 建筑节能 智慧工地 BIM技术 工程质量 监理 检测机构
房地产开发 商品房 二手房 房地产经纪 租赁市场 住房租赁 城中村 历史建筑 风貌保护 城市规划 控制性详细规划 用地规划 规划许可 测绘 地名管理
防汛 应急管理 隐患排查 专项整治 安全检查 督查 考核 通报 约谈 整改 问责 培训 宣传 调研 座谈会 推进会 调度会 工作部署 工作要点 实施方案
管理办法 实施细则 指导意见 通知 公告 公示 决定 批复 报告 规划 计划 方案 解读 问答 名单 结果 进展 情况 统计 数据 标准 目录 清单 指南 流程`.split(/\s+/);
const FILLERS = '为进一步 加强 做好 推进 落实 规范 完善 健全 提升 强化 切实 有关 相关 工作 事项 要求 规定 按照 根据 结合 实际 全县 各乡镇 各部门 各单位 现将 如下 予以 开展 组织 实施 确保 有序 全面 持续 依法 及时 严格'.split(' ');
// A few hundred terms: the base words and their combinations, ranked for a Zipf-like draw.
export const TERMS: string[] = [...BASE, ...BASE.slice(0, 90).map((w, i) => w + BASE[(i * 7 + 3) % BASE.length])].slice(0, 370);
const zipf = (() => {
  const w = TERMS.map((_, i) => 1 / (i + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();
const term = (r: () => number) => {
  const x = r();
  let lo = 0;
  let hi = zipf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipf[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return TERMS[lo];
};
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const GENRES = ['通知', '公告', '公示', '意见', '方案', '报告', '通报', '解读', '工作动态', '其他'];
const STAGES = ['decision', 'execution', 'management', 'service', 'result'];
const DAY = 86_400_000;

function sentence(r: () => number): string {
  const n = 2 + Math.floor(r() * 4);
  let s = pick(r, FILLERS);
  for (let i = 0; i < n; i++) s += (r() < 0.5 ? pick(r, FILLERS) : '') + term(r);
  return s + (r() < 0.8 ? '，' : '。');
}

export const documentNumberOf = (organIndex: number, year: number, serial: number) => `岚${['建', '政', '财', '农', '水', '教', '卫', '交'][organIndex % 8]}${organIndex}〔${year}〕${serial}号`;

/**
 * 已修改 as a county's catalog has it: common among old documents, rare among new ones — a filter the listing
 * without a word has to look for far back (docs/performance.md). A valid item before 2020 is amended 3 times in 10,
 * one from 2020 on 1 in 2,000. Decided by the item's number through a hash of its own, not by the corpus's draws, so
 * every other column — titles, bodies, the other validities — is what it was before this was added (2026-12-07).
 */
const amendedIn = (i: number, year: number) => rng(0x5bd1e995 ^ i)() < (year < 2020 ? 0.3 : 1 / 2000);

/** One batch of published items as column arrays (ids are from+1 … from+count in a fresh database). */
export function searchPublicationColumns(organCount: number, from: number, count: number): Columns {
  const r = rng(7000 + from);
  const cols: Columns = {
    organ_id: [], title: [], document_number: [], index_number: [], publishing_organ_name: [], formed_on: [], published_on: [], published_at: [], stage: [], genre: [],
    disclosure_mode: [], disclosure_period: [], audience: [], validity: [], doc_type: [], status: [], body_html: [], keywords: [], created_at: [], updated_at: [],
  };
  for (let i = from; i < from + count; i++) {
    const organ = (i % organCount) + 1;
    const published = Date.parse('2016-07-01') + Math.floor(r() * 3650) * DAY;
    const on = new Date(published).toISOString().slice(0, 10);
    const year = Number(on.slice(0, 4));
    const genre = pick(r, GENRES);
    const title = r() < 0.5 ? `关于${term(r)}${term(r)}的${genre}` : `${year}年${term(r)}${pick(r, ['情况', '结果', '进展', '工作'])}${genre === '其他' ? '' : genre}`;
    const target = 500 + Math.floor(r() * 2500);
    let body = '';
    while (body.length < target) body += sentence(r);
    cols.organ_id.push(organ);
    cols.title.push(title);
    cols.document_number.push(r() < 0.33 ? documentNumberOf(organ, year, 1 + (i % 997)) : null);
    cols.index_number.push(`11341529MB${String(organ).padStart(7, '0')}X/${year}-${String(i + 1).padStart(7, '0')}`);
    cols.publishing_organ_name.push(`测试县第${organ}局`);
    cols.formed_on.push(on);
    cols.published_on.push(on);
    cols.published_at.push(new Date(published + 2 * 3600_000).toISOString());
    cols.stage.push(pick(r, STAGES));
    cols.genre.push(genre);
    cols.disclosure_mode.push('proactive');
    cols.disclosure_period.push('long_term');
    cols.audience.push('public');
    const validity = r() < 0.9 ? 'valid' : r() < 0.5 ? 'repealed' : 'expired';
    cols.validity.push(validity === 'valid' && amendedIn(i, year) ? 'amended' : validity);
    cols.doc_type.push('other');
    cols.status.push('published');
    cols.body_html.push(`<p>${body}</p>`);
    cols.keywords.push('');
    cols.created_at.push(on + 'T00:00:00.000Z');
    cols.updated_at.push(on + 'T00:00:00.000Z');
  }
  return cols;
}

/** A mix of queries: common and rare terms, one to three words, 文号 look-ups; some with facets or newest first. */
export function benchQueries(n: number, organCount: number): { q: string; organ?: number; year?: number; sort: 'relevance' | 'newest'; kind: string }[] {
  const r = rng(42);
  const out: ReturnType<typeof benchQueries> = [];
  for (let i = 0; i < n; i++) {
    const k = i % 10;
    const common = TERMS[Math.floor(r() * 20)];
    const rare = TERMS[Math.floor(TERMS.length / 2) + Math.floor(r() * (TERMS.length / 2))];
    if (k === 0) out.push({ q: common, sort: 'relevance', kind: 'common word' });
    else if (k === 1) out.push({ q: rare, sort: 'relevance', kind: 'rare word' });
    else if (k === 2) out.push({ q: `${common} ${TERMS[20 + Math.floor(r() * 100)]}`, sort: 'relevance', kind: 'two words' });
    else if (k === 3) out.push({ q: `${TERMS[Math.floor(r() * 60)]} ${TERMS[60 + Math.floor(r() * 100)]} ${rare}`, sort: 'relevance', kind: 'three words' });
    else if (k === 4) out.push({ q: documentNumberOf(1 + Math.floor(r() * organCount), 2017 + Math.floor(r() * 9), 1 + Math.floor(r() * 997)).replace('〔', '[').replace('〕', ']'), sort: 'relevance', kind: '文号' });
    else if (k === 5) out.push({ q: common, organ: 1 + Math.floor(r() * organCount), sort: 'relevance', kind: 'common word + organ' });
    else if (k === 6) out.push({ q: TERMS[Math.floor(r() * 100)], year: 2017 + Math.floor(r() * 9), sort: 'relevance', kind: 'word + year' });
    else if (k === 7) out.push({ q: common, sort: 'newest', kind: 'newest first, common' });
    else if (k === 8) out.push({ q: TERMS[Math.floor(r() * 100)], organ: 1 + Math.floor(r() * organCount), sort: 'newest', kind: 'newest first + organ' });
    else out.push({ q: TERMS[Math.floor(r() * TERMS.length)].slice(0, 2), sort: 'relevance', kind: 'two characters' });
  }
  return out;
}

/**
 * Listings without a word (docs/search.md, "Filters without a word"), the ones a citizen makes: an organ alone, a year
 * alone, 效力 已废止 alone (1 in 20 items), a 五公开 stage with a 体裁 (1 in 50), an organ with 已废止 (about 1 in 4,000),
 * and 已修改 — common in items before 2020, rare after (amendedIn): the newest items hold few, the old many. A
 * generator of its own (not benchQueries'), so the mixed queries, and the figures measured on them, stay as they were.
 */
export function benchListings(n: number, organCount: number): { filters: SearchFilters; kind: string }[] {
  const r = rng(43);
  const out: ReturnType<typeof benchListings> = [];
  for (let i = 0; i < n; i++) {
    const k = i % 6;
    const organ = 1 + Math.floor(r() * organCount);
    if (k === 0) out.push({ filters: { scopeOrganId: organ }, kind: 'list: organ' });
    else if (k === 1) out.push({ filters: { scopeOrganId: null, year: 2017 + Math.floor(r() * 9) }, kind: 'list: year' });
    else if (k === 2) out.push({ filters: { scopeOrganId: null, validity: 'repealed' }, kind: 'list: 已废止' });
    else if (k === 3) out.push({ filters: { scopeOrganId: null, stage: pick(r, STAGES), genre: pick(r, GENRES) }, kind: 'list: stage + 体裁' });
    else if (k === 4) out.push({ filters: { scopeOrganId: organ, validity: 'repealed' }, kind: 'list: organ + 已废止' });
    else out.push({ filters: { scopeOrganId: null, validity: 'amended' }, kind: 'list: 已修改 (old items)' });
  }
  return out;
}

type Insert = (table: string, cols: Columns) => Promise<void>;
const INT_COLUMNS = new Set(['organ_id', 'parent_id', 'sort_order', 'is_standard_directory', 'publication_id', 'node_id']);
const BATCH = 10_000;

/** Bulk insert on PostgreSQL of the corpus's tables (their integer columns typed). */
export const searchPostgresInserter = (url: string) => postgresInserter(url, Object.fromEntries([...INT_COLUMNS].map((c) => [c, 'int'])));

/**
 * Loads the corpus into a freshly migrated database: ORGANS organs, one catalog node each, and
 * `items` published items placed in their organ's node (ids from 1, node ids equal organ ids).
 */
export async function loadSearchCorpus(insert: Insert, items: number, onBatch?: (done: number) => void) {
  await insertOrgans(insert);
  const nodes: Columns = { organ_id: [], parent_id: [], name: [], sort_order: [], is_standard_directory: [], standard_area: [], description: [], created_at: [], updated_at: [] };
  for (let i = 1; i <= ORGANS; i++) {
    for (const [k, v] of Object.entries({ organ_id: i, parent_id: null, name: '政策文件', sort_order: 1, is_standard_directory: 0, standard_area: null, description: '', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })) nodes[k].push(v);
  }
  await insert('catalog_nodes', nodes);
  for (let from = 0; from < items; from += BATCH) {
    const n = Math.min(BATCH, items - from);
    await insert('publications', searchPublicationColumns(ORGANS, from, n));
    const placements: Columns = { publication_id: [], node_id: [] };
    for (let i = from; i < from + n; i++) {
      placements.publication_id.push(i + 1);
      placements.node_id.push((i % ORGANS) + 1); // node ids follow organ ids in a fresh database
    }
    await insert('publication_placements', placements);
    onBatch?.(from + n);
  }
}

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * The portal's search (matching, facet counts, ranking, one page of 20 with snippets) over the
 * query mix of benchQueries, after 20 warm-up queries: each query's time by kind and sort, and the
 * mean number of matches.
 */
/** The mixed queries timed one by one (the whole portal search each); `index` another tuning of the full-text index, to compare. */
export async function timeSearches(deps: AppDeps, count: number, index?: FullTextIndex) {
  const queries = benchQueries(count, ORGANS);
  const ask = (q: (typeof queries)[number]) => searchPublications(deps, { q: q.q, sort: q.sort, page: 1, pageSize: 20, filters: { scopeOrganId: q.organ ?? null, year: q.year } }, { index });
  for (const q of queries.slice(0, 20)) await ask(q);
  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  const relevance: number[] = [];
  const newest: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const s = performance.now();
    const r = await ask(q);
    const t = performance.now() - s;
    hits += r.total;
    (byKind[q.kind] ??= []).push(t);
    all.push(t);
    (q.sort === 'newest' ? newest : relevance).push(t);
  }
  return { queries, byKind, all, relevance, newest, meanMatches: hits / Math.max(1, queries.length) };
}

/**
 * The listings of benchListings timed one by one, after 12 warm-up listings: the whole portal search with no word
 * (the newest 1,001 keys the filters let through, the facets over them, one page of 20); each one's time by kind,
 * and the mean number listed (counted to 1,001).
 */
export async function timeListings(deps: AppDeps, count: number, index?: FullTextIndex) {
  const listings = benchListings(count, ORGANS);
  const ask = (l: (typeof listings)[number]) => searchPublications(deps, { q: '', sort: 'newest', page: 1, pageSize: 20, filters: l.filters }, { index });
  for (const l of listings.slice(0, 12)) await ask(l);
  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  const listed: Record<string, number[]> = {};
  for (const l of listings) {
    const s = performance.now();
    const r = await ask(l);
    const t = performance.now() - s;
    if (!r.listing) throw new Error(`not a listing: ${JSON.stringify(l.filters)}`);
    (byKind[l.kind] ??= []).push(t);
    (listed[l.kind] ??= []).push(r.total);
    all.push(t);
  }
  const meanListed = Object.fromEntries(Object.entries(listed).map(([k, xs]) => [k, xs.reduce((a, b) => a + b, 0) / xs.length]));
  return { byKind, all, meanListed };
}
