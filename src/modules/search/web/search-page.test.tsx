import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../domain/parse-query.ts';
import type { SearchHit, SearchResult } from '../use-cases/search-publications.ts';
import type { Organ } from '../../catalog/index.ts';
import { SearchPage } from './search-page.tsx';
import type { ReadingPrefs } from '../../../platform/views/prefs.ts';

const prefs: ReadingPrefs = { fontSize: 'm', elder: false };
const result = (over: Partial<SearchResult>): SearchResult => ({
  query: parseQuery('危房'), total: 3, totalCapped: false, hits: [], facetsSampled: null, notWholeWords: [], synonyms: [], splitSuggestion: null, didYouMean: null, organNamed: null, fewerWords: [], shownInstead: null, missingDocumentNumber: null, missingIndexNumber: null, listing: false,
  facets: { organ: [], node: [], stage: [{ value: 'execution', count: 3 }], genre: [], year: [], validity: [] }, ...over,
});
const page = (r: SearchResult, at = 1) => renderToString(<SearchPage prefs={prefs} currentPath="/search?q=危房" raw={{ q: '危房', page: String(at) }} result={r} organs={[]} scopeOrgan={null} pageSize={10} page={at} error={null} />);

describe('search page', () => {
  it('does not quote a query typed in quotes a second time (second citizen tester: ““公租房””的检索结果)', () => {
    for (const typed of ['“公租房”', '"公租房"']) {
      const html = renderToString(<SearchPage prefs={prefs} currentPath="/search" raw={{ q: typed, page: '1' }} result={result({ total: 0, query: parseQuery(typed) })} organs={[]} scopeOrgan={null} pageSize={10} page={1} error={null} />);
      expect(html, typed).toContain('<h1 class="keep-words">“公租房”<wbr/>的检索结果</h1>');
      expect(html.replace(/<[^>]+>/g, ''), typed).toContain('没有找到包含“公租房”的公开信息');
      expect(html, typed).toContain('<title>“公租房”的检索结果');
    }
  });

  it('says when a keyword is only ever part of a longer word, and which synonyms were searched too', () => {
    const html = page(result({ notWholeWords: ['房改'], synonyms: [{ keyword: '低保', added: ['最低生活保障'] }] }));
    expect(html).toContain('「房改」未作为独立词语出现，以下结果中它是较长词语的一部分');
    expect(html).toContain('已同时检索：最低生活保障');
    expect(page(result({}))).not.toContain('search-notes');
  });

  it('says when the total is capped and the facets are counted over the newest matches', () => {
    const capped = page(result({ total: 1_001, totalCapped: true, facetsSampled: 1000 }));
    expect(capped).toContain('找到超过 1,000 条');
    expect(capped).toContain('以下数量按最新的 1,000 条结果统计');
    expect(capped).toContain('只列出前 1,000 条');
    // The conditions are beside the results on a wide screen and above them on a phone: the notice names neither side.
    expect(capped).not.toContain('左侧');
    expect(capped).toContain('选择筛选条件缩小范围');
    // 1,000 results of 10 a page: the last page link is 100, never beyond the list.
    expect(capped).toContain('page=100"');
    expect(capped).not.toContain('page=101');
  });

  it('gives the exact total and says nothing of sampling when the matches are few', () => {
    const exact = page(result({}));
    expect(exact).toContain('共找到 3 条');
    expect(exact).not.toContain('按最新的');
    expect(exact).not.toContain('超过');
  });

  it('gives the count once: no 共 0 条 under a heading of nothing found, nor 共 3 条 under 共找到 3 条', () => {
    const none = page(result({ total: 0, hits: [] }));
    // The heading a screen reader lands on names the words searched (an outside tester: 共找到 0 条 said none).
    expect(none.replace(/<[^>]+>/g, '')).toContain('跳到检索结果');
    expect(/<h2 id="results-h"[^>]*>([\s\S]*?)<\/h2>/.exec(none)![1]!.replace(/<[^>]+>/g, '')).toBe('没有找到包含“危房”的公开信息');
    expect(none).not.toContain('共找到 0 条');
    expect(none).not.toContain('共 0 条');
    expect(page(result({}))).not.toContain('共 3 条');
    // More than one page: the pager says which page this is.
    expect(page(result({ total: 23 }), 2)).toContain('共 23 条，第 2/3 页');
  });

  it('says on a page past the end only that the page does not exist, with a link to the last one', () => {
    const beyond = page(result({ total: 23 }), 9);
    expect(beyond).toContain('没有第 9 页：共 23 条，只有 3 页');
    expect(beyond).toContain('page=3"');
    expect(beyond).not.toContain('没有更多结果');
    expect(beyond).not.toContain('没有找到');
    expect(beyond).not.toContain('search-results');
    // Nothing matches at all: the page says so, whichever page was asked for.
    expect(page(result({ total: 0 }), 1).replace(/<[^>]+>/g, '')).toContain('没有找到包含“危房”的公开信息');
  });

  it('does not repeat a query of many characters in full as the heading (a pasted address is taken whole)', () => {
    const long = '危房改造'.repeat(40);
    const html = renderToString(<SearchPage prefs={prefs} currentPath="/search" raw={{ q: long }} result={null} organs={[]} scopeOrgan={null} pageSize={10} page={1} error={null} />);
    expect(html).toContain(`<h1 class="keep-words">“${'危房改造'.repeat(7)}危房…”<wbr/>的检索结果</h1>`);
    expect(html).toContain(`value="${long}"`);
  });

  it('asks for a word when the query is blank (only spaces): no 检索结果 heading of a lone pair of quotes, the box empty and focused (found by an outside tester)', () => {
    for (const q of [' ', '   ', '\u3000']) {
      const html = renderToString(<SearchPage prefs={prefs} currentPath="/search?q=+" raw={{ q }} result={null} organs={[]} scopeOrgan={null} pageSize={10} page={1} error={null} />);
      expect(html).not.toContain('检索结果');
      expect(html).not.toContain('“');
      expect(html).toContain('<h1 class="keep-words">站内检索</h1>');
      expect(html).toContain('请输入检索词');
      expect(html).toMatch(/<input type="search" id="search-q" name="q" value [^>]*autofocus/);
      expect(html).toContain('aria-describedby="search-blank search-hint"');
    }
    // The page first opened (no q at all) is the plain form: no prompt, nothing focused.
    const fresh = renderToString(<SearchPage prefs={prefs} currentPath="/search" raw={{}} result={null} organs={[]} scopeOrgan={null} pageSize={10} page={1} error={null} />);
    expect(fresh).not.toContain('请输入检索词');
    expect(fresh).not.toContain('autofocus');
  });

  it('says a capped total one way: the heading, the pager and a page past the cap (found by an outside tester)', () => {
    const capped = result({ total: 1_001, totalCapped: true, facetsSampled: 1000 });
    const first = page(capped);
    expect(first).toContain('找到超过 1,000 条，显示前 1,000 条');
    expect(first).not.toContain('共 1000 条');
    expect(first).toContain('前 1,000 条，第 1/100 页');
    const beyond = page(capped, 101);
    expect(beyond).not.toContain('共 1000 条');
    expect(beyond).toContain('没有第 101 页：结果超过 1,000 条，只显示前 1,000 条，只能翻到第 100 页');
  });

  it('offers a skip link to the results before the form and the facets, the results heading its target', () => {
    const html = page(result({}));
    expect(html).toMatch(/<a class="skip-link" href="#results-h">跳到检索结果<\/a>[\s\S]*<form[\s\S]*<aside/);
    expect(html).toContain('id="results-h" class="count" tabindex="-1"');
    // The box states its limit where it is typed, not only by cutting what is pasted.
    expect(html).toContain('最多 100 个字');
  });
});

describe('search page: what an outside tester found on a phone', () => {
  const county = { id: 1, code: 'qlx', name: '青岚县人民政府', shortName: '县政府', kind: 'government', parentId: null } as unknown as Organ;
  const render = (raw: Record<string, string>, r: SearchResult, regionTotal: number | null = null) => renderToString(
    <SearchPage prefs={prefs} currentPath="/search" raw={raw} result={r} organs={[county]} scopeOrgan={raw.organ ? county : null} pageSize={10} page={1} error={null} regionTotal={regionTotal} />,
  );
  const text = (html: string) => html.replace(/<[^>]+>/g, '');

  it('names the restriction when a search within an organ or under conditions finds nothing (县政府 had none of 203 items)', () => {
    const none = result({ total: 0, hits: [] });
    const scoped = text(render({ q: '危房', organ: 'qlx' }, none, 203));
    expect(scoped).toContain('县政府范围内没有找到包含“危房”的公开信息');
    expect(scoped).toContain('在全站检索“危房”（203 条）');
    expect(scoped).not.toMatch(/(^|[^内])没有找到包含“危房”/);
    const both = text(render({ q: '危房', organ: 'qlx', year: '2026' }, none));
    expect(both).toContain('在县政府范围内、所选条件下没有找到包含“危房”的公开信息');
    expect(text(render({ q: '危房', genre: '通知' }, none))).toContain('在所选条件下没有找到包含“危房”的公开信息');
    expect(text(render({ q: '危房' }, none))).toContain('没有找到包含“危房”的公开信息');
    expect(text(render({ q: '危房' }, none))).not.toContain('所选条件');
  });

  it('lets a long unbroken query wrap wherever it is echoed', () => {
    const long = 'https://www.example.gov.cn/abcdefghijklmnopqrstuvwxyzabcdefghij';
    const html = render({ q: long, organ: 'qlx' }, result({ total: 0, hits: [], query: parseQuery(long), splitSuggestion: { q: `${long} x`, total: 2, hits: [] } }), 3);
    // In the heading, the query is kept whole between words and wraps anywhere when unbroken (.keep-words).
    expect(html).toContain(`没有找到包含<span class="keep-words">“${long}”</span>`);
    for (const echoed of [`在全站检索“${long}”`, `>${long} x</a>`]) {
      const at = html.indexOf(echoed);
      expect(at, echoed).toBeGreaterThan(0);
      // The nearest enclosing paragraph wraps anywhere.
      expect(html.slice(html.lastIndexOf('<p', at), at), echoed).toContain('wrap-anywhere');
    }
  });

  it('marks the number a 文号 or 索引号 search matched in the result’s 文号/索引号 line', () => {
    const hit = (over: Partial<SearchHit>): SearchHit => ({
      id: 7, title: '关于农村危房改造的通知', titleParts: [{ text: '关于农村危房改造的通知', hit: false }], organCode: 'qlx', organName: '青岚县人民政府',
      catalogPath: [], publishedOn: '2026-03-02', indexNumber: '11341529MB1D386259/2026-00430', documentNumber: '岚建〔2026〕63号', validity: 'valid',
      snippet: [], attachmentHit: null, exactNumber: false, exactNumberMatch: null, ...over,
    });
    const byNumber = render({ q: '岚建[2026]63号' }, result({ total: 1, query: parseQuery('岚建[2026]63号'), hits: [hit({ exactNumber: true, exactNumberMatch: { kind: 'documentNumber', value: '岚建〔2026〕63号' } })] }));
    expect(byNumber).toContain('<dt>文号</dt><dd><mark>岚建〔2026〕63号</mark></dd>');
    // The note says which number it is (issue #13: the API and the page said only 文号或索引号).
    expect(byNumber).toContain('<strong>文号完全一致</strong>');
    const byIndex = render({ q: '11341529MB1D386259/2026-00430' }, result({ total: 1, query: parseQuery('11341529MB1D386259/2026-00430'), hits: [hit({ exactNumber: true, exactNumberMatch: { kind: 'indexNumber', value: '11341529MB1D386259/2026-00430' } })] }));
    expect(byIndex).toContain('<strong>索引号完全一致</strong>');
    expect(text(byIndex.slice(byIndex.indexOf('<dt>索引号</dt>')))).toMatch(/^索引号11341529MB1D386259\/2026-00430/);
    expect(byIndex.slice(byIndex.indexOf('<dt>索引号</dt>'), byIndex.indexOf('<dt>文号</dt>')).match(/<mark>/g)?.length).toBeGreaterThan(0);
    expect(byIndex).not.toContain('<mark>岚建');
    // Part of an 索引号 (its serial): that part is marked.
    const part = render({ q: '2026-00430' }, result({ total: 1, query: parseQuery('2026-00430'), hits: [hit({})] }));
    expect(part).toContain('<mark>2026-00430</mark>');
    expect(part).not.toContain('<mark>岚建');
  });
});

describe('search page: a search that found nothing, an offer shown', () => {
  it('says 共超过 1,000 条 without a space between the words (an outside tester: （共 超过 1,000 条…）)', () => {
    const html = page(result({ total: 0, shownInstead: { kind: 'splitSuggestion', q: '危房 改造', total: 1_500, hits: [] }, splitSuggestion: { q: '危房 改造', total: 1_500, hits: [] } }));
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('的结果（共超过 1,000 条');
    expect(text).not.toContain('共 超过');
    expect(text).not.toContain('全部 超过');
    expect(text).toContain('查看“危房 改造”的全部结果（超过 1,000 条）');
  });
});
